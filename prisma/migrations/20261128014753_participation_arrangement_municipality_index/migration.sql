-- DropIndex
DROP INDEX "Participation_arrangementId_idx";

-- CreateIndex
CREATE INDEX "Participation_arrangementId_municipalityId_idx" ON "Participation"("arrangementId", "municipalityId");
