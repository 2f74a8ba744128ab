-- Change-request dialogue (issue #10, docs/decisions/0044): field-level conflicts, comments,
-- in-app notifications and the adviser's mail preference.
-- CreateEnum
CREATE TYPE "MailFrequency" AS ENUM ('IMMEDIATE', 'DAILY');

-- AlterEnum (new values are not used in this migration, so adding them inside its transaction is fine)
ALTER TYPE "ChangeRequestStatus" ADD VALUE 'CONFLICT' AFTER 'PENDING';
ALTER TYPE "ChangeRequestStatus" ADD VALUE 'RETURNED' AFTER 'CONFLICT';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "proposalMail" "MailFrequency" NOT NULL DEFAULT 'IMMEDIATE';

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "conflictFields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "fields" JSONB,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ChangeRequestComment" (
    "id" SERIAL NOT NULL,
    "changeRequestId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRequestComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "changeRequestId" INTEGER,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeRequestComment_changeRequestId_createdAt_idx" ON "ChangeRequestComment"("changeRequestId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_changeRequestId_idx" ON "Notification"("changeRequestId");

-- AddForeignKey
ALTER TABLE "ChangeRequestComment" ADD CONSTRAINT "ChangeRequestComment_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequestComment" ADD CONSTRAINT "ChangeRequestComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
