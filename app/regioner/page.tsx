import type { Metadata } from "next";
import NextLink from "next/link";
import { Card, CardBlock, Heading, Paragraph } from "@digdir/designsystemet-react";
import "@/components/registry/registry.css";
import { listRegions } from "@/lib/regions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Regioner" };

export default async function RegionsPage() {
  const regions = await listRegions();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Kommuneregioner
      </Heading>
      <Paragraph>De fem kommuneregionene i kartleggingen og kommunene i hver av dem.</Paragraph>
      <div className="registry-two-columns">
        {regions.map((r) => (
          <Card key={r.slug}>
            <CardBlock>
              <Heading level={2} data-size="sm">
                <NextLink href={`/regioner/${r.slug}`} className="ds-link">
                  {r.name}
                </NextLink>
              </Heading>
              <Paragraph data-size="sm">{r.members.map((m) => m.name).join(", ")}</Paragraph>
            </CardBlock>
          </Card>
        ))}
      </div>
    </div>
  );
}
