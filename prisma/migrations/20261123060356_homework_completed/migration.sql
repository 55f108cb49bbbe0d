-- AlterTable
ALTER TABLE "Homework" ADD COLUMN     "completedAt" TIMESTAMP(3);


-- Keep "completedAt" in step with the submissions: set when the assigned partner(s) have all
-- submitted (one for A or B, two for BOTH), cleared if a submission goes back to draft or is removed.
CREATE FUNCTION mend_homework_completion() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hw text := CASE WHEN TG_OP = 'DELETE' THEN OLD."homeworkId" ELSE NEW."homeworkId" END;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status AND NEW."homeworkId" = OLD."homeworkId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' AND NEW.status <> 'submitted' THEN
    RETURN NULL;
  END IF;
  UPDATE "Homework" h
     SET "completedAt" = CASE
           WHEN (SELECT count(*) FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s.status = 'submitted')
                >= CASE WHEN h.assignee = 'BOTH' THEN 2 ELSE 1 END
           THEN coalesce(h."completedAt", now() AT TIME ZONE 'UTC')
           ELSE NULL END
   WHERE h.id = hw;
  RETURN NULL;
END $$;

CREATE TRIGGER "HomeworkSubmission_completion" AFTER INSERT OR UPDATE OR DELETE ON "HomeworkSubmission"
  FOR EACH ROW EXECUTE FUNCTION mend_homework_completion();

-- Existing rows.
UPDATE "Homework" h
   SET "completedAt" = (SELECT max(s."submittedAt") FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s.status = 'submitted')
 WHERE (SELECT count(*) FROM "HomeworkSubmission" s WHERE s."homeworkId" = h.id AND s.status = 'submitted')
       >= CASE WHEN h.assignee = 'BOTH' THEN 2 ELSE 1 END;

-- Overdue homework on the caseload: active, not complete, due before today.
CREATE INDEX "Homework_open_by_couple_due" ON "Homework" ("coupleId", "dueDate") WHERE status = 'active' AND "completedAt" IS NULL;
