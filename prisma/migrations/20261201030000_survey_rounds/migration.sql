-- CreateTable
CREATE TABLE "SurveyRound" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "message" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" INTEGER NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" INTEGER,
    "snapshotId" INTEGER,

    CONSTRAINT "SurveyRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRoundMunicipality" (
    "roundId" INTEGER NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyRoundMunicipality_pkey" PRIMARY KEY ("roundId","municipalityId")
);

-- CreateTable
CREATE TABLE "SurveyConfirmation" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withChanges" BOOLEAN NOT NULL,

    CONSTRAINT "SurveyConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrangementConfirmation" (
    "confirmationId" INTEGER NOT NULL,
    "arrangementId" INTEGER NOT NULL,

    CONSTRAINT "ArrangementConfirmation_pkey" PRIMARY KEY ("confirmationId","arrangementId")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRound_name_key" ON "SurveyRound"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRound_snapshotId_key" ON "SurveyRound"("snapshotId");

-- CreateIndex
CREATE INDEX "SurveyRoundMunicipality_municipalityId_idx" ON "SurveyRoundMunicipality"("municipalityId");

-- CreateIndex
CREATE INDEX "SurveyConfirmation_roundId_municipalityId_idx" ON "SurveyConfirmation"("roundId", "municipalityId");

-- CreateIndex
CREATE INDEX "ArrangementConfirmation_arrangementId_idx" ON "ArrangementConfirmation"("arrangementId");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_slug_key" ON "Snapshot"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_name_key" ON "Snapshot"("name");

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRound" ADD CONSTRAINT "SurveyRound_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRoundMunicipality" ADD CONSTRAINT "SurveyRoundMunicipality_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRoundMunicipality" ADD CONSTRAINT "SurveyRoundMunicipality_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyConfirmation" ADD CONSTRAINT "SurveyConfirmation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyConfirmation" ADD CONSTRAINT "SurveyConfirmation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyConfirmation" ADD CONSTRAINT "SurveyConfirmation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangementConfirmation" ADD CONSTRAINT "ArrangementConfirmation_confirmationId_fkey" FOREIGN KEY ("confirmationId") REFERENCES "SurveyConfirmation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangementConfirmation" ADD CONSTRAINT "ArrangementConfirmation_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "Arrangement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
