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

-- Every save of what a partner wrote or answered keeps a revision, whatever code path saved it
-- (the check-in's one-statement fast path included). Columns clinicians write (feedback) and
-- bookkeeping (timestamps, the flag link) are left out, so only the partner's own values count.
CREATE FUNCTION mend_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vals jsonb := to_jsonb(NEW) - 'id' - 'createdAt' - 'updatedAt' - 'feedback' - 'feedbackAt' - 'feedbackById' - 'reviewedAt' - 'flagId';
  couple_id text;
  author_id text;
BEGIN
  IF TG_OP = 'UPDATE' AND vals = (to_jsonb(OLD) - 'id' - 'createdAt' - 'updatedAt' - 'feedback' - 'feedbackAt' - 'feedbackById' - 'reviewedAt' - 'flagId') THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'CheckIn' THEN
    couple_id := NEW."coupleId"; author_id := NEW."partnerId";
  ELSIF TG_TABLE_NAME = 'HelpRequest' THEN
    couple_id := NEW."coupleId"; author_id := NEW."partnerId";
  ELSIF TG_TABLE_NAME = 'AdherenceEntry' THEN
    SELECT a."coupleId" INTO couple_id FROM "Assignment" a WHERE a.id = NEW."assignmentId"; author_id := NEW."reporterId";
  ELSIF TG_TABLE_NAME = 'HomeworkSubmission' THEN
    SELECT h."coupleId" INTO couple_id FROM "Homework" h WHERE h.id = NEW."homeworkId"; author_id := NEW."partnerId";
  ELSIF TG_TABLE_NAME = 'SafetyScreen' THEN
    IF NEW."answers" IS NULL THEN RETURN NEW; END IF;
    couple_id := NEW."coupleId"; author_id := NEW."partnerId"; vals := jsonb_build_object('answers', NEW."answers");
  END IF;
  INSERT INTO "Revision" ("coupleId", "authorId", entity, "entityId", "values", "createdAt")
  VALUES (couple_id, author_id, TG_ARGV[0]::"RevisionEntity", NEW.id, vals, now() AT TIME ZONE 'UTC');
  -- An edit of something that raised a flag goes on that flag's timeline; the flag's evidence
  -- snapshot and the revision above keep the original. Nothing is lowered or closed.
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO "FlagEvent" (id, "flagId", "authorId", type, note, "createdAt")
    SELECT 'fe' || md5(random()::text || clock_timestamp()::text || f.id), f.id, author_id, 'disclosure_changed',
           'Changed by the partner after it raised this flag; the original is kept.', now() AT TIME ZONE 'UTC'
      FROM "SafetyFlag" f
     WHERE f."evidence"->>'entityId' = NEW.id AND f."evidence"->>'entity' = TG_ARGV[0];
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "CheckIn_revision" AFTER INSERT OR UPDATE ON "CheckIn" FOR EACH ROW EXECUTE FUNCTION mend_keep_revision('checkin');
CREATE TRIGGER "AdherenceEntry_revision" AFTER INSERT OR UPDATE ON "AdherenceEntry" FOR EACH ROW EXECUTE FUNCTION mend_keep_revision('adherence');
CREATE TRIGGER "HomeworkSubmission_revision" AFTER INSERT OR UPDATE ON "HomeworkSubmission" FOR EACH ROW EXECUTE FUNCTION mend_keep_revision('submission');
CREATE TRIGGER "HelpRequest_revision" AFTER INSERT OR UPDATE ON "HelpRequest" FOR EACH ROW EXECUTE FUNCTION mend_keep_revision('help');
CREATE TRIGGER "SafetyScreen_revision" AFTER INSERT OR UPDATE ON "SafetyScreen" FOR EACH ROW EXECUTE FUNCTION mend_keep_revision('screen');

-- Finds the flags a saved record raised, for the trigger above.
CREATE INDEX "SafetyFlag_evidence_entity_idx" ON "SafetyFlag" (("evidence"->>'entityId'));
