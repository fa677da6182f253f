import { expect, test } from "@playwright/test";

const USER = { name: "ada", password: "secret-horse" };

test.describe("login page", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/login");
  });

  test("signs a known user in", async ({ page }) => {
    await page.fill("#name", USER.name);
    await page.fill("#password", USER.password);
    await page.click("text=Sign in");
    await expect(page).toHaveURL("/home");
  });
});
