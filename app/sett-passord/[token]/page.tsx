import { SetPasswordPanel } from "@/components/auth/AccountForms";
import { DENIED_LINK } from "@/lib/auth/authorize";
import { accountLinkState } from "@/lib/users/queries";
import { setPasswordWithLinkAction } from "../../konto/actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Velg passord", referrer: "no-referrer" };

/** The page of a one-time link (invitation or «Glemt passord»). Reading it does not spend the link. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await accountLinkState(token);
  return <SetPasswordPanel action={setPasswordWithLinkAction} token={token} link={link} invalidMessage={DENIED_LINK} />;
}
