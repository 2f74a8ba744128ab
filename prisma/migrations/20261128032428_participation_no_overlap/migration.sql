-- A municipality takes part in an arrangement at most once on any day: two participations of the
-- same municipality in the same arrangement may not both be valid on one day ("joinedOn" and
-- "leftOn" are inclusive; NULL means open-ended). The statistics count valid participations with
-- count(*) and rely on this (docs/decisions/0028). The application checks the rule first and gives
-- a Norwegian message (lib/changes/arrangements.ts, participationOverlapErrors); this trigger is
-- the guarantee for every other writer. Prisma's schema cannot express triggers; they are outside
-- what the drift check compares.
CREATE FUNCTION "participation_no_overlap"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Writers of the same arrangement wait for each other, so two concurrent inserts cannot both
  -- pass the check below.
  PERFORM 1 FROM "Arrangement" WHERE id = NEW."arrangementId" FOR UPDATE;
  IF EXISTS (
    SELECT 1 FROM "Participation" q
    WHERE q."arrangementId" = NEW."arrangementId"
      AND q."municipalityId" = NEW."municipalityId"
      AND q.id <> NEW.id
      AND (q."joinedOn" IS NULL OR NEW."leftOn" IS NULL OR q."joinedOn" <= NEW."leftOn")
      AND (NEW."joinedOn" IS NULL OR q."leftOn" IS NULL OR NEW."joinedOn" <= q."leftOn")
  ) THEN
    RAISE EXCEPTION 'Kommunen er allerede deltaker i ordningen i denne perioden (ordning %, kommune %).', NEW."arrangementId", NEW."municipalityId"
      USING ERRCODE = '23P01', CONSTRAINT = 'participation_no_overlap';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "participation_no_overlap"
  BEFORE INSERT OR UPDATE OF "arrangementId", "municipalityId", "joinedOn", "leftOn" ON "Participation"
  FOR EACH ROW EXECUTE FUNCTION "participation_no_overlap"();
