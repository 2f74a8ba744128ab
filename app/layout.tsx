import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Samarbeidsregisteret", template: "%s – Samarbeidsregisteret" },
  description: "Register over formelle interkommunale samarbeidsordninger i Buskerud og nabokommunene, for Statsforvalteren og kommunene.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="nb" data-color-scheme="light" className={inter.variable}>
      <body>
        <SiteHeader />
        <main id="hovedinnhold" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
