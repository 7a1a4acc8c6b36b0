import { expect, test } from "@playwright/test";
import { MONTHLY, upload } from "./helpers";

test("a dataset can be deleted from its page after confirming, and is gone everywhere", async ({ page, request }) => {
  await upload(page, MONTHLY, "to-delete.csv");
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";

  await page.getByRole("button", { name: "Delete dataset…" }).click();
  const confirm = page.getByRole("group", { name: "Confirm deletion" });
  await expect(confirm).toContainText("This cannot be undone");
  // Cancel keeps it.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect((await request.get(`/api/datasets/${id}`)).status()).toBe(200);

  await page.getByRole("button", { name: "Delete dataset…" }).click();
  await page.getByRole("group", { name: "Confirm deletion" }).getByRole("button", { name: "Delete dataset" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("table", { name: "Datasets" }).getByRole("link", { name: "to-delete" })).toHaveCount(0);
  expect((await request.get(`/api/datasets/${id}`)).status()).toBe(404);
});

test("with every dataset deleted, the home page says what to do and loads the sample again", async ({ page, request }) => {
  const { datasets } = (await (await request.get("/api/datasets")).json()) as { datasets: { id: string }[] };
  for (const dataset of datasets) expect((await request.delete(`/api/datasets/${dataset.id}`)).status()).toBe(204);
  await page.goto("/");
  await expect(page.getByText("No datasets yet")).toBeVisible();
  await expect(page.getByText(/^\d+ stored$/)).toHaveCount(0);
  await page.getByRole("button", { name: "Load the sample dataset" }).click();
  await page.waitForURL(/\/datasets\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Australian wine sales (sample)" })).toBeVisible();
  await expect(page.getByTestId("series-chart")).toHaveAttribute("data-point-count", "176");
});
