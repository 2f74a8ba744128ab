"use client";

import { Button } from "@digdir/designsystemet-react";
import { signOut } from "next-auth/react";

export function LogoutButton({ callbackUrl = "/" }: { callbackUrl?: string }) {
  return <Button onClick={() => void signOut({ callbackUrl })}>Logg ut</Button>;
}
