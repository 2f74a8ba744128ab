-- Login attempts keep IP addresses only as sha256 hex digests (lib/auth/rate-limit.ts ipKey), and
-- are pruned by age (index on "at").
UPDATE "LoginAttempt"
SET "ip" = CASE WHEN "ip" IN ('', 'ukjent') THEN '' ELSE encode(sha256(convert_to('samarbeidsregisteret-login:' || "ip", 'UTF8')), 'hex') END
WHERE length("ip") <> 64;

-- CreateIndex
CREATE INDEX "LoginAttempt_at_idx" ON "LoginAttempt"("at");
