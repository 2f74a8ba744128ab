-- Cooperation agreements (issue #11, docs/decisions/0046): the agreement's dates and link on the
-- arrangement (changed through the change pipeline), the uploaded PDF in its own table (bytea).

-- AlterTable
ALTER TABLE "Arrangement" ADD COLUMN     "agreementDate" DATE,
ADD COLUMN     "agreementRevisedDate" DATE,
ADD COLUMN     "agreementUrl" TEXT;

-- CreateTable
CREATE TABLE "AgreementFile" (
    "arrangementId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedById" INTEGER,

    CONSTRAINT "AgreementFile_pkey" PRIMARY KEY ("arrangementId")
);

-- AddForeignKey
ALTER TABLE "AgreementFile" ADD CONSTRAINT "AgreementFile_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "Arrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
