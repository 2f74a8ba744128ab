// A server process for tests/integration/faults.int.test.ts: approves one change request through the
// pipeline against DATABASE_URL and prints the result. The test kills it with SIGKILL mid-transaction.
import { MUTATIONS } from "@/lib/changes";
import { prisma } from "@/lib/db";

const [changeRequestId, adviserId] = process.argv.slice(2).map(Number);
const adviser = await prisma.user.findUniqueOrThrow({ where: { id: adviserId } });
process.stdout.write("approving\n");
const result = await MUTATIONS.approveChangeRequest({ id: adviser.id, email: adviser.email, name: adviser.name, role: adviser.role, municipalityIds: [] }, { changeRequestId });
process.stdout.write(`${JSON.stringify(result)}\n`);
await prisma.$disconnect();
process.exit(0);
