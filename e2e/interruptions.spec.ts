import { expect, test, type Page } from "@playwright/test";
import { MONTHLY, upload } from "./helpers";

const trainingError = (page: Page) => page.getByTestId("training-error");

test("training with the connection down names what failed and what to check, not 'Failed to fetch'", async ({ page, context }) => {
  await upload(page, MONTHLY, "offline-load.csv");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Train forecast" }).click();
  await expect(trainingError(page)).toContainText("Loading visitors failed: the server could not be reached. Check the network connection and that Tidecast is running, then try again.");
  await expect(trainingError(page)).not.toContainText("Failed to fetch");
  await context.setOffline(false);
});
