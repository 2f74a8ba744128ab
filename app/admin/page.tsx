import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { UserForm } from "@/components/auth/UserForms";
import { authorize } from "@/lib/auth/authorize";
import { USER_ROLE_LABELS } from "@/lib/domain/roles";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { formOptions } from "@/lib/changes/queries";
import { awaitingFirstLogin, listUsers } from "@/lib/users/queries";
import { createUserAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Brukere" };

export default async function AdminPage() {
  const actor = await requireActor("/admin");
  const decision = authorize(actor, "user.manage");
  if (!decision.allowed) return denyAccess(decision.reason);
  const [users, options] = await Promise.all([listUsers(), formOptions()]);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Brukere
      </Heading>
      <Paragraph>Brukere slettes aldri; de deaktiveres, slik at historikken beholder navnene.</Paragraph>
      <Paragraph>
        <NextLink href="/admin/utboks" className="ds-link">
          Utboks for e-post
        </NextLink>
      </Paragraph>
      <Table data-testid="brukere" className="stack-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Navn</TableHeaderCell>
            <TableHeaderCell>E-post</TableHeaderCell>
            <TableHeaderCell>Rolle</TableHeaderCell>
            <TableHeaderCell>Kommuner</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableCell data-label="Navn">
                <NextLink href={`/admin/brukere/${u.id}`} className="ds-link">
                  {u.name}
                </NextLink>
              </TableCell>
              <TableCell data-label="E-post">{u.email}</TableCell>
              <TableCell data-label="Rolle">{USER_ROLE_LABELS[u.role]}</TableCell>
              <TableCell data-label="Kommuner">{u.municipalities.map((m) => m.municipality.name).join(", ") || "–"}</TableCell>
              <TableCell data-label="Status">
                {!u.active ? <Tag data-color="neutral">Deaktivert</Tag> : awaitingFirstLogin(u) ? <Tag data-color="warning">Invitert</Tag> : <Tag data-color="success">Aktiv</Tag>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <section aria-labelledby="ny-bruker" className="stack narrow">
        <Heading level={2} data-size="md" id="ny-bruker">
          Ny bruker
        </Heading>
        <UserForm action={createUserAction} municipalities={options.municipalities.filter((m) => m.inSurveyScope)} />
      </section>
    </div>
  );
}
