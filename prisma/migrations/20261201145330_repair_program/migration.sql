-- CreateEnum
CREATE TYPE "RepairRole" AS ENUM ('hurt', 'broke', 'both');

-- CreateEnum
CREATE TYPE "RepairItemKind" AS ENUM ('homework', 'routine');

-- CreateEnum
CREATE TYPE "RepairEventType" AS ENUM ('started', 'phase_completed', 'phase_added', 'roles_changed', 'item_assigned', 'ended');

-- CreateEnum
CREATE TYPE "RestitutionAnswer" AS ENUM ('yes', 'no');

-- CreateEnum
CREATE TYPE "RepairQuestionStatus" AS ENUM ('private', 'asked', 'held_for_session', 'answered', 'revisited');

-- CreateTable
CREATE TABLE "RepairPlan" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "templateKey" TEXT,
    "title" TEXT NOT NULL,
    "hurtPartner" "PartnerSlot" NOT NULL,
    "hurtLabel" TEXT NOT NULL DEFAULT 'Partner who was hurt',
    "brokeLabel" TEXT NOT NULL DEFAULT 'Partner who broke the promise',
    "currentPhase" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedById" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairPhase" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "goals" TEXT[],
    "exitCriteria" TEXT[],
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "exitNote" TEXT,

    CONSTRAINT "RepairPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairPhaseItem" (
    "id" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "RepairItemKind" NOT NULL,
    "role" "RepairRole" NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "homeworkId" TEXT,
    "assignmentId" TEXT,
    "assignedAt" TIMESTAMP(3),

    CONSTRAINT "RepairPhaseItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairPlanEvent" (
    "id" BIGSERIAL NOT NULL,
    "planId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" "RepairEventType" NOT NULL,
    "fromPhase" INTEGER,
    "toPhase" INTEGER,
    "note" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairPlanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestitutionAction" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "responsibleId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneNote" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "confirmation" "RestitutionAnswer",
    "confirmationNote" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RestitutionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairQuestion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "RepairQuestionStatus" NOT NULL DEFAULT 'private',
    "therapistFirst" BOOLEAN NOT NULL DEFAULT true,
    "askedAt" TIMESTAMP(3),
    "heldAt" TIMESTAMP(3),
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "revisitedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RepairPlan_coupleId_startedAt_idx" ON "RepairPlan"("coupleId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RepairPhase_planId_position_key" ON "RepairPhase"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RepairPhaseItem_phaseId_key_key" ON "RepairPhaseItem"("phaseId", "key");

-- CreateIndex
CREATE INDEX "RepairPlanEvent_planId_createdAt_idx" ON "RepairPlanEvent"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "RestitutionAction_planId_dueOn_idx" ON "RestitutionAction"("planId", "dueOn");

-- CreateIndex
CREATE INDEX "RestitutionAction_responsibleId_idx" ON "RestitutionAction"("responsibleId");

-- CreateIndex
CREATE INDEX "RepairQuestion_planId_status_idx" ON "RepairQuestion"("planId", "status");

-- CreateIndex
CREATE INDEX "RepairQuestion_askerId_createdAt_idx" ON "RepairQuestion"("askerId", "createdAt");

-- AddForeignKey
ALTER TABLE "RepairPlan" ADD CONSTRAINT "RepairPlan_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPlan" ADD CONSTRAINT "RepairPlan_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPhase" ADD CONSTRAINT "RepairPhase_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RepairPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPhase" ADD CONSTRAINT "RepairPhase_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPhaseItem" ADD CONSTRAINT "RepairPhaseItem_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "RepairPhase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPlanEvent" ADD CONSTRAINT "RepairPlanEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RepairPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairPlanEvent" ADD CONSTRAINT "RepairPlanEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestitutionAction" ADD CONSTRAINT "RestitutionAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RepairPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestitutionAction" ADD CONSTRAINT "RestitutionAction_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestitutionAction" ADD CONSTRAINT "RestitutionAction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestitutionAction" ADD CONSTRAINT "RestitutionAction_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairQuestion" ADD CONSTRAINT "RepairQuestion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "RepairPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairQuestion" ADD CONSTRAINT "RepairQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairQuestion" ADD CONSTRAINT "RepairQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: what Prisma cannot express.
-- One open repair plan per couple.
CREATE UNIQUE INDEX "RepairPlan_one_open_per_couple" ON "RepairPlan"("coupleId") WHERE "endedAt" IS NULL;

ALTER TABLE "RepairPlan" ADD CONSTRAINT "RepairPlan_currentPhase_check" CHECK ("currentPhase" >= 0);
ALTER TABLE "RestitutionAction" ADD CONSTRAINT "RestitutionAction_text_check" CHECK (length(btrim("text")) > 0);
-- A confirmation is an answer, by someone, at a time: all three or none.
ALTER TABLE "RestitutionAction" ADD CONSTRAINT "RestitutionAction_confirmation_check"
  CHECK (("confirmation" IS NULL) = ("confirmedAt" IS NULL) AND ("confirmation" IS NULL) = ("confirmedById" IS NULL));

-- A plan only moves forward: the database refuses to lower its current phase.
CREATE FUNCTION mend_repair_plan_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."currentPhase" < OLD."currentPhase" THEN
    RAISE EXCEPTION 'a repair plan does not move back a phase' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "RepairPlan_forward" BEFORE UPDATE ON "RepairPlan" FOR EACH ROW EXECUTE FUNCTION mend_repair_plan_forward();

-- The plan's history is append-only.
CREATE FUNCTION mend_repair_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'repair plan events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "RepairPlanEvent_append_only" BEFORE UPDATE OR DELETE ON "RepairPlanEvent" FOR EACH ROW EXECUTE FUNCTION mend_repair_event_append_only();
