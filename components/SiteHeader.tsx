import NextLink from "next/link";
import { SkipLink } from "@digdir/designsystemet-react";
import { UserMenu } from "@/components/auth/UserMenu";

const navigation = [
  { href: "/ordninger", label: "Ordninger" },
  { href: "/kommuner", label: "Kommuner" },
  { href: "/statistikk", label: "Statistikk" },
  { href: "/kart", label: "Kart" },
];

export function SiteHeader() {
  return (
    <header className="site-header">
      <SkipLink href="#hovedinnhold">Hopp til hovedinnhold</SkipLink>
      <div className="site-header__inner">
        <NextLink href="/" className="site-title">
          Samarbeidsregisteret
        </NextLink>
        <nav className="site-nav" aria-label="Hovedmeny">
          <ul>
            {navigation.map((item) => (
              <li key={item.href}>
                <NextLink href={item.href} className="ds-link">
                  {item.label}
                </NextLink>
              </li>
            ))}
            <UserMenu />
          </ul>
        </nav>
      </div>
    </header>
  );
}
