-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('therapist', 'partner', 'supervisor', 'admin');

-- CreateEnum
CREATE TYPE "CoupleStatus" AS ENUM ('active', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('daily', 'weekly', 'times_per_week', 'as_needed');

-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('routine', 'agreement');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('active', 'paused', 'completed');

-- CreateEnum
CREATE TYPE "PartnerSlot" AS ENUM ('A', 'B', 'BOTH');

-- CreateEnum
CREATE TYPE "Report" AS ENUM ('kept', 'partly', 'missed');

-- CreateEnum
CREATE TYPE "PromptType" AS ENUM ('text', 'scale', 'checklist', 'date');

-- CreateEnum
CREATE TYPE "HomeworkVisibility" AS ENUM ('shared', 'therapist_only');

-- CreateEnum
CREATE TYPE "HomeworkStatus" AS ENUM ('active', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "FeelSafe" AS ENUM ('yes', 'not_sure', 'no');

-- CreateEnum
CREATE TYPE "FlagSource" AS ENUM ('checkin_answer', 'keyword', 'mood_drop', 'help_request', 'therapist');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('low', 'medium', 'high', 'imminent');

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('open', 'acknowledged', 'escalated', 'resolved');

-- CreateEnum
CREATE TYPE "FlagEventType" AS ENUM ('raised', 'signal', 'severity_raised', 'acknowledged', 'note', 'escalated', 'assigned', 'resolved', 'work_paused', 'work_resumed');

-- CreateEnum
CREATE TYPE "ResolutionOutcome" AS ENUM ('safety_plan', 'individual_sessions', 'emergency_services', 'not_confirmed', 'other');

-- CreateEnum
CREATE TYPE "PauseReason" AS ENUM ('safety', 'therapist');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/New_York',
    "crisisResources" TEXT NOT NULL,
    "flagPhrases" TEXT[],
    "slaImminentHours" INTEGER NOT NULL DEFAULT 1,
    "slaHighHours" INTEGER NOT NULL DEFAULT 24,
    "slaMediumHours" INTEGER NOT NULL DEFAULT 72,
    "slaLowHours" INTEGER NOT NULL DEFAULT 168,
    "require2fa" BOOLEAN NOT NULL DEFAULT false,
    "staffIdleMinutes" INTEGER NOT NULL DEFAULT 30,
    "partnerIdleDays" INTEGER NOT NULL DEFAULT 14,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "emailEnabled" BOOLEAN NOT NULL DEFAULT true,
    "discreetName" TEXT,
    "consentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "pending2fa" BOOLEAN NOT NULL DEFAULT false,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthAttempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "location" TEXT,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Couple" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "therapistId" TEXT NOT NULL,
    "partnerAId" TEXT NOT NULL,
    "partnerBId" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "timeZone" TEXT NOT NULL,
    "status" "CoupleStatus" NOT NULL DEFAULT 'active',
    "workPausedAt" TIMESTAMP(3),
    "workPauseReason" "PauseReason",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Couple_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PausePeriod" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "reason" "PauseReason" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "startedById" TEXT,
    "endedById" TEXT,
    "note" TEXT,
    "endNote" TEXT,

    CONSTRAINT "PausePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutineTemplate" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "kind" "AssignmentKind" NOT NULL DEFAULT 'routine',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "weekday" INTEGER,
    "timesPerWeek" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutineTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomeworkTemplate" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "prompts" JSONB NOT NULL,
    "measure" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeworkTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "templateId" TEXT,
    "kind" "AssignmentKind" NOT NULL DEFAULT 'routine',
    "title" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "weekday" INTEGER,
    "timesPerWeek" INTEGER,
    "responsible" "PartnerSlot" NOT NULL DEFAULT 'BOTH',
    "startDate" DATE NOT NULL,
    "durationWeeks" INTEGER NOT NULL DEFAULT 8,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'active',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdherenceEntry" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "occurrenceDate" DATE NOT NULL,
    "reporterId" TEXT NOT NULL,
    "status" "Report" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdherenceEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Homework" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "templateId" TEXT,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "assignee" "PartnerSlot" NOT NULL DEFAULT 'BOTH',
    "dueDate" DATE NOT NULL,
    "visibility" "HomeworkVisibility" NOT NULL DEFAULT 'therapist_only',
    "status" "HomeworkStatus" NOT NULL DEFAULT 'active',
    "measure" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Homework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomeworkPrompt" (
    "id" TEXT NOT NULL,
    "homeworkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "PromptType" NOT NULL,
    "label" TEXT NOT NULL,
    "options" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "HomeworkPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomeworkSubmission" (
    "id" TEXT NOT NULL,
    "homeworkId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'draft',
    "answers" JSONB NOT NULL,
    "score" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "feedback" TEXT,
    "feedbackAt" TIMESTAMP(3),
    "feedbackById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomeworkSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "localDate" DATE NOT NULL,
    "mood" INTEGER NOT NULL,
    "closeness" INTEGER NOT NULL,
    "feelSafe" "FeelSafe" NOT NULL,
    "note" TEXT,
    "noteShared" BOOLEAN NOT NULL DEFAULT false,
    "appreciation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "message" TEXT,
    "flagId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyFlag" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "source" "FlagSource" NOT NULL,
    "concern" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "FlagStatus" NOT NULL DEFAULT 'open',
    "assigneeId" TEXT,
    "raisedById" TEXT,
    "dueBy" TIMESTAMP(3) NOT NULL,
    "triggerText" TEXT,
    "outcome" "ResolutionOutcome",
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SafetyFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlagEvent" (
    "id" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "authorId" TEXT,
    "type" "FlagEventType" NOT NULL,
    "note" TEXT,
    "severity" "Severity",
    "fromStatus" "FlagStatus",
    "toStatus" "FlagStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlagEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "practiceId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "coupleId" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'allowed',
    "detail" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "coupleId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "userId" TEXT NOT NULL,
    "checkInTime" TEXT,
    "routinesTime" TEXT,
    "homeworkTime" TEXT,
    "quietStart" TEXT,
    "quietEnd" TEXT,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "userId" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sendAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "claimedAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_practiceId_role_idx" ON "User"("practiceId", "role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "AuthAttempt_key_createdAt_idx" ON "AuthAttempt"("key", "createdAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Couple_partnerAId_key" ON "Couple"("partnerAId");

-- CreateIndex
CREATE UNIQUE INDEX "Couple_partnerBId_key" ON "Couple"("partnerBId");

-- CreateIndex
CREATE INDEX "Couple_practiceId_therapistId_status_idx" ON "Couple"("practiceId", "therapistId", "status");

-- CreateIndex
CREATE INDEX "PausePeriod_coupleId_startedAt_idx" ON "PausePeriod"("coupleId", "startedAt");

-- CreateIndex
CREATE INDEX "PausePeriod_assignmentId_idx" ON "PausePeriod"("assignmentId");

-- CreateIndex
CREATE INDEX "RoutineTemplate_practiceId_idx" ON "RoutineTemplate"("practiceId");

-- CreateIndex
CREATE INDEX "HomeworkTemplate_practiceId_idx" ON "HomeworkTemplate"("practiceId");

-- CreateIndex
CREATE INDEX "Assignment_coupleId_status_idx" ON "Assignment"("coupleId", "status");

-- CreateIndex
CREATE INDEX "AdherenceEntry_assignmentId_occurrenceDate_idx" ON "AdherenceEntry"("assignmentId", "occurrenceDate");

-- CreateIndex
CREATE UNIQUE INDEX "AdherenceEntry_assignmentId_occurrenceDate_reporterId_key" ON "AdherenceEntry"("assignmentId", "occurrenceDate", "reporterId");

-- CreateIndex
CREATE INDEX "Homework_coupleId_dueDate_idx" ON "Homework"("coupleId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "HomeworkPrompt_homeworkId_position_key" ON "HomeworkPrompt"("homeworkId", "position");

-- CreateIndex
CREATE INDEX "HomeworkSubmission_partnerId_submittedAt_idx" ON "HomeworkSubmission"("partnerId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HomeworkSubmission_homeworkId_partnerId_key" ON "HomeworkSubmission"("homeworkId", "partnerId");

-- CreateIndex
CREATE INDEX "CheckIn_coupleId_localDate_idx" ON "CheckIn"("coupleId", "localDate");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_partnerId_localDate_key" ON "CheckIn"("partnerId", "localDate");

-- CreateIndex
CREATE INDEX "HelpRequest_coupleId_createdAt_idx" ON "HelpRequest"("coupleId", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyFlag_practiceId_status_severity_dueBy_idx" ON "SafetyFlag"("practiceId", "status", "severity", "dueBy");

-- CreateIndex
CREATE INDEX "SafetyFlag_coupleId_status_idx" ON "SafetyFlag"("coupleId", "status");

-- CreateIndex
CREATE INDEX "FlagEvent_flagId_createdAt_idx" ON "FlagEvent"("flagId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_practiceId_createdAt_idx" ON "AuditEvent"("practiceId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_coupleId_createdAt_idx" ON "AuditEvent"("coupleId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_userId_idx" ON "Invite"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_sendAfter_idx" ON "OutboxMessage"("status", "sendAfter");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Couple" ADD CONSTRAINT "Couple_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Couple" ADD CONSTRAINT "Couple_therapistId_fkey" FOREIGN KEY ("therapistId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Couple" ADD CONSTRAINT "Couple_partnerAId_fkey" FOREIGN KEY ("partnerAId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Couple" ADD CONSTRAINT "Couple_partnerBId_fkey" FOREIGN KEY ("partnerBId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PausePeriod" ADD CONSTRAINT "PausePeriod_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PausePeriod" ADD CONSTRAINT "PausePeriod_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PausePeriod" ADD CONSTRAINT "PausePeriod_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PausePeriod" ADD CONSTRAINT "PausePeriod_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutineTemplate" ADD CONSTRAINT "RoutineTemplate_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkTemplate" ADD CONSTRAINT "HomeworkTemplate_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoutineTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdherenceEntry" ADD CONSTRAINT "AdherenceEntry_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdherenceEntry" ADD CONSTRAINT "AdherenceEntry_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "HomeworkTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Homework" ADD CONSTRAINT "Homework_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkPrompt" ADD CONSTRAINT "HomeworkPrompt_homeworkId_fkey" FOREIGN KEY ("homeworkId") REFERENCES "Homework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_homeworkId_fkey" FOREIGN KEY ("homeworkId") REFERENCES "Homework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_feedbackById_fkey" FOREIGN KEY ("feedbackById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "SafetyFlag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagEvent" ADD CONSTRAINT "FlagEvent_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "SafetyFlag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagEvent" ADD CONSTRAINT "FlagEvent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: integrity rules Prisma's schema language cannot express.
-- ---------------------------------------------------------------------------------------------

-- Scales and plan lengths stay in range whatever code writes them.
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_mood_range" CHECK ("mood" BETWEEN 1 AND 10);
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_closeness_range" CHECK ("closeness" BETWEEN 1 AND 10);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_duration_range" CHECK ("durationWeeks" BETWEEN 1 AND 52);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_weekday_range" CHECK ("weekday" IS NULL OR "weekday" BETWEEN 0 AND 6);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_times_range" CHECK ("timesPerWeek" IS NULL OR "timesPerWeek" BETWEEN 1 AND 7);
ALTER TABLE "Couple" ADD CONSTRAINT "Couple_distinct_partners" CHECK ("partnerAId" <> "partnerBId");
ALTER TABLE "HomeworkSubmission" ADD CONSTRAINT "HomeworkSubmission_score_range" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 21);
ALTER TABLE "SafetyFlag" ADD CONSTRAINT "SafetyFlag_resolution_complete" CHECK ("status" <> 'resolved' OR ("outcome" IS NOT NULL AND "resolvedAt" IS NOT NULL));

-- One unresolved flag per couple, partner and concern: concurrent signals append to it instead
-- of opening duplicates (the insert that loses the race gets a unique violation and appends).
CREATE UNIQUE INDEX "SafetyFlag_one_open_per_concern" ON "SafetyFlag" ("coupleId", "partnerId", "concern") WHERE "status" <> 'resolved';

-- Safety flags are never deleted; their events and the audit log are append-only.
CREATE FUNCTION mend_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: this record is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "SafetyFlag_no_delete" BEFORE DELETE ON "SafetyFlag"
  FOR EACH ROW EXECUTE FUNCTION mend_forbid_change();
CREATE TRIGGER "FlagEvent_append_only" BEFORE UPDATE OR DELETE ON "FlagEvent"
  FOR EACH ROW EXECUTE FUNCTION mend_forbid_change();
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION mend_forbid_change();
