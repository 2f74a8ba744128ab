/** Norwegian number formatting: 34,0; 93,1; 101 859 (with a narrow no-break space). */
const integerFormat = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 });

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

export function formatDecimal(value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat("nb-NO", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

export function formatPercent(value: number, fractionDigits = 0): string {
  return `${formatDecimal(value, fractionDigits)} %`;
}

const dateFormat = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(value: Date): string {
  return dateFormat.format(value);
}
