import { expect, type Locator } from "@playwright/test";

/**
 * Chooses a municipality in a searchable picker (components/editing/MunicipalityPicker): types the
 * start of the name and clicks the option, as a person would.
 */
export async function chooseMunicipality(scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true }).and(scope.locator("input"));
  await input.click();
  await input.fill("");
  await input.pressSequentially(option.slice(0, 3));
  const choice = scope.getByRole("option", { name: option, exact: true });
  await expect(choice).toBeVisible();
  await choice.click();
  await expect(input).toHaveValue(option);
}
