-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('STATED', 'INFERRED');

-- CreateEnum
CREATE TYPE "ParticipationRole" AS ENUM ('OWNER', 'MEMBER', 'BUYER');

-- CreateTable
CREATE TABLE "County" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "County_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "inSurveyScope" BOOLEAN NOT NULL DEFAULT false,
    "regionId" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MunicipalityCode" (
    "id" SERIAL NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "code" VARCHAR(4) NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "MunicipalityCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MunicipalityCounty" (
    "id" SERIAL NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "countyId" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "MunicipalityCounty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Population" (
    "municipalityId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "source" TEXT,

    CONSTRAINT "Population_pkey" PRIMARY KEY ("municipalityId","year")
);

-- CreateTable
CREATE TABLE "Sector" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskArea" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "sectorId" INTEGER,

    CONSTRAINT "TaskArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalForm" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "description" TEXT,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "outdated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LegalForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Arrangement" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "correctedName" TEXT,
    "shortName" TEXT,
    "description" TEXT,
    "sectorId" INTEGER NOT NULL,
    "legalFormId" INTEGER,
    "hostMunicipalityId" INTEGER,
    "establishedYear" INTEGER,
    "establishedPeriodFrom" INTEGER,
    "establishedPeriodTo" INTEGER,
    "establishedUnspecified" BOOLEAN NOT NULL DEFAULT false,
    "endDate" DATE,
    "endReason" TEXT,
    "orgNr" VARCHAR(9),
    "notes" TEXT,
    "statedParticipantCount" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Arrangement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrangementTaskArea" (
    "arrangementId" INTEGER NOT NULL,
    "taskAreaId" INTEGER NOT NULL,

    CONSTRAINT "ArrangementTaskArea_pkey" PRIMARY KEY ("arrangementId","taskAreaId")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" SERIAL NOT NULL,
    "arrangementId" INTEGER NOT NULL,
    "municipalityId" INTEGER NOT NULL,
    "role" "ParticipationRole" NOT NULL DEFAULT 'MEMBER',
    "joinedOn" DATE,
    "leftOn" DATE,
    "source" TEXT,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffingRecord" (
    "id" SERIAL NOT NULL,
    "arrangementId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "fte" DECIMAL(8,2) NOT NULL,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provenance" (
    "id" SERIAL NOT NULL,
    "arrangementId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "confidence" "Confidence" NOT NULL DEFAULT 'STATED',
    "note" TEXT,

    CONSTRAINT "Provenance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportBaseline" (
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "ReportBaseline_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "County_key_key" ON "County"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Region_slug_key" ON "Region"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_slug_key" ON "Municipality"("slug");

-- CreateIndex
CREATE INDEX "Municipality_regionId_idx" ON "Municipality"("regionId");

-- CreateIndex
CREATE INDEX "MunicipalityCode_municipalityId_idx" ON "MunicipalityCode"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "MunicipalityCode_code_validFrom_key" ON "MunicipalityCode"("code", "validFrom");

-- CreateIndex
CREATE INDEX "MunicipalityCounty_municipalityId_idx" ON "MunicipalityCounty"("municipalityId");

-- CreateIndex
CREATE INDEX "MunicipalityCounty_countyId_idx" ON "MunicipalityCounty"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "Sector_code_key" ON "Sector"("code");

-- CreateIndex
CREATE UNIQUE INDEX "TaskArea_slug_key" ON "TaskArea"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "LegalForm_code_key" ON "LegalForm"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Arrangement_slug_key" ON "Arrangement"("slug");

-- CreateIndex
CREATE INDEX "Arrangement_sectorId_idx" ON "Arrangement"("sectorId");

-- CreateIndex
CREATE INDEX "Arrangement_legalFormId_idx" ON "Arrangement"("legalFormId");

-- CreateIndex
CREATE INDEX "Arrangement_hostMunicipalityId_idx" ON "Arrangement"("hostMunicipalityId");

-- CreateIndex
CREATE INDEX "ArrangementTaskArea_taskAreaId_idx" ON "ArrangementTaskArea"("taskAreaId");

-- CreateIndex
CREATE INDEX "Participation_arrangementId_idx" ON "Participation"("arrangementId");

-- CreateIndex
CREATE INDEX "Participation_municipalityId_idx" ON "Participation"("municipalityId");

-- CreateIndex
CREATE INDEX "StaffingRecord_arrangementId_year_idx" ON "StaffingRecord"("arrangementId", "year");

-- CreateIndex
CREATE INDEX "Provenance_arrangementId_idx" ON "Provenance"("arrangementId");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalityCode" ADD CONSTRAINT "MunicipalityCode_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalityCounty" ADD CONSTRAINT "MunicipalityCounty_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalityCounty" ADD CONSTRAINT "MunicipalityCounty_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Population" ADD CONSTRAINT "Population_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskArea" ADD CONSTRAINT "TaskArea_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arrangement" ADD CONSTRAINT "Arrangement_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arrangement" ADD CONSTRAINT "Arrangement_legalFormId_fkey" FOREIGN KEY ("legalFormId") REFERENCES "LegalForm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Arrangement" ADD CONSTRAINT "Arrangement_hostMunicipalityId_fkey" FOREIGN KEY ("hostMunicipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangementTaskArea" ADD CONSTRAINT "ArrangementTaskArea_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "Arrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArrangementTaskArea" ADD CONSTRAINT "ArrangementTaskArea_taskAreaId_fkey" FOREIGN KEY ("taskAreaId") REFERENCES "TaskArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "Arrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffingRecord" ADD CONSTRAINT "StaffingRecord_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "Arrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Provenance" ADD CONSTRAINT "Provenance_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "Arrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
