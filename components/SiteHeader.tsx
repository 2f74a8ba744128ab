import NextLink from "next/link";
import { Button, Input, SkipLink } from "@digdir/designsystemet-react";
import { UserMenu } from "@/components/auth/UserMenu";
import { FoldOnNarrow } from "@/components/site/FoldOnNarrow";

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
        <FoldOnNarrow id="sidemeny" label="Meny" icon="menu" buttonClassName="site-menu-button" panelClassName="site-menu">
          <form action="/sok" role="search" aria-label="Søk i registeret" className="site-search">
            <Input name="q" type="search" aria-label="Søk etter ordning, kommune eller region" placeholder="Søk i registeret" data-size="sm" maxLength={100} />
            <Button type="submit" variant="secondary" data-size="sm">
              Søk
            </Button>
          </form>
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
        </FoldOnNarrow>
      </div>
    </header>
  );
}
