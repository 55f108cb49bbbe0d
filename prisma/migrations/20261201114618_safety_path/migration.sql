-- CreateEnum
CREATE TYPE "RevisionEntity" AS ENUM ('checkin', 'adherence', 'submission', 'help', 'screen');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "FlagEventType" ADD VALUE 'disclosure_changed';
ALTER TYPE "FlagEventType" ADD VALUE 'notified';
ALTER TYPE "FlagEventType" ADD VALUE 'notify_failed';
ALTER TYPE "FlagEventType" ADD VALUE 'alert_escalated';
ALTER TYPE "FlagEventType" ADD VALUE 'couple_told';

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "ackHighMinutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "ackImminentMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "alertWebhookSecret" TEXT,
ADD COLUMN     "alertWebhookUrl" TEXT,
ADD COLUMN     "onCallFallbackId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Couple" ADD COLUMN     "country" TEXT NOT NULL DEFAULT 'US',
ADD COLUMN     "pauseNotice" TEXT,
ADD COLUMN     "pauseToldAt" TIMESTAMP(3),
ADD COLUMN     "screenEveryWeeks" INTEGER NOT NULL DEFAULT 4;

-- AlterTable
ALTER TABLE "SafetyFlag" ADD COLUMN     "alertLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "escalateAt" TIMESTAMP(3),
ADD COLUMN     "evidence" JSONB;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'email',
ADD COLUMN     "flagId" TEXT;

-- CreateTable
CREATE TABLE "OnCallShift" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "weekdays" INTEGER[],
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnCallShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrisisResource" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "phone" TEXT,
    "sms" TEXT,
    "smsBody" TEXT,
    "hours" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CrisisResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" BIGSERIAL NOT NULL,
    "coupleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "entity" "RevisionEntity" NOT NULL,
    "entityId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafeContact" (
    "userId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "avoidTimes" TEXT,
    "noVoicemail" BOOLEAN NOT NULL DEFAULT true,
    "codeWord" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SafeContact_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "SafetyScreen" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "snoozedUntil" TIMESTAMP(3),
    "answers" JSONB,
    "answeredAt" TIMESTAMP(3),
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafetyScreen_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OnCallShift_practiceId_position_idx" ON "OnCallShift"("practiceId", "position");

-- CreateIndex
CREATE INDEX "CrisisResource_practiceId_country_language_idx" ON "CrisisResource"("practiceId", "country", "language");

-- CreateIndex
CREATE INDEX "Revision_entity_entityId_createdAt_idx" ON "Revision"("entity", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "Revision_coupleId_createdAt_idx" ON "Revision"("coupleId", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyScreen_partnerId_answeredAt_idx" ON "SafetyScreen"("partnerId", "answeredAt");

-- CreateIndex
CREATE INDEX "SafetyScreen_coupleId_dueAt_idx" ON "SafetyScreen"("coupleId", "dueAt");

-- CreateIndex
CREATE INDEX "SafetyFlag_escalateAt_idx" ON "SafetyFlag"("escalateAt");

-- AddForeignKey
ALTER TABLE "OnCallShift" ADD CONSTRAINT "OnCallShift_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallShift" ADD CONSTRAINT "OnCallShift_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrisisResource" ADD CONSTRAINT "CrisisResource_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeContact" ADD CONSTRAINT "SafeContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyScreen" ADD CONSTRAINT "SafetyScreen_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyScreen" ADD CONSTRAINT "SafetyScreen_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what a partner disclosed is never lost.
-- Revisions are append-only, like the flag timeline and the audit log.
CREATE TRIGGER "Revision_append_only" BEFORE UPDATE OR DELETE ON "Revision"
  FOR EACH ROW EXECUTE FUNCTION mend_forbid_change();

-- A flag's evidence snapshot is written once and never replaced or cleared.
CREATE FUNCTION mend_keep_flag_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."evidence" IS NOT NULL AND NEW."evidence" IS DISTINCT FROM OLD."evidence" THEN
    RAISE EXCEPTION 'a flag''s evidence snapshot cannot be changed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SafetyFlag_keep_evidence" BEFORE UPDATE OF "evidence" ON "SafetyFlag"
  FOR EACH ROW EXECUTE FUNCTION mend_keep_flag_evidence();

ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_channel_check" CHECK ("channel" IN ('email', 'webhook'));
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_webhook_https_check" CHECK ("channel" <> 'webhook' OR "toAddress" LIKE 'https://%' OR "toAddress" LIKE 'http://127.0.0.1:%' OR "toAddress" LIKE 'http://localhost:%');
ALTER TABLE "SafeContact" ADD CONSTRAINT "SafeContact_method_check" CHECK ("method" IN ('phone', 'email', 'in_session', 'none'));
ALTER TABLE "CrisisResource" ADD CONSTRAINT "CrisisResource_kind_check" CHECK ("kind" IN ('emergency', 'domestic_violence', 'crisis'));
ALTER TABLE "CrisisResource" ADD CONSTRAINT "CrisisResource_number_check" CHECK ("phone" IS NOT NULL OR "sms" IS NOT NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_language_check" CHECK ("language" IN ('en', 'es'));
