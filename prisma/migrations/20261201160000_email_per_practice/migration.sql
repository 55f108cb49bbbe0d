-- One account per practice (docs/decisions/006-one-account-per-practice.md): an email is unique
-- within a practice, and the same address may hold an account in each of several practices.

-- DropIndex
DROP INDEX "User_email_key";

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_practiceId_email_key" ON "User"("practiceId", "email");
