// Swagger UI in a real browser: the page loads without console errors, "Authorize" takes an API
// key, "Try it out" on GET /me answers 200 with the key's municipality, and an error answer shows
// its problem document. On failure a screenshot goes to target/.
//
//   node check.mjs BASE_URL API_KEY MUNICIPALITY      (Chromium from CHROMIUM or /usr/bin/chromium)
import { mkdirSync } from "node:fs";
import puppeteer from "puppeteer-core";

const [base, apiKey, municipality] = process.argv.slice(2);
if (!base || !apiKey || !municipality) {
  console.error("usage: node check.mjs BASE_URL API_KEY MUNICIPALITY");
  process.exit(2);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
const page = await browser.newPage();
await page.setViewport({ width: 1400, height: 1000 });
const consoleErrors = [];
page.on("console", (message) => {
  const url = message.location()?.url ?? "";
  // The browser reports the 404 this check asks for on purpose as a failed load; nothing else may fail.
  if (message.type() === "error" && !url.includes("/labs/gibt-es-nicht")) {
    consoleErrors.push(`${message.text()} ${url}`.trim());
  }
});
page.on("pageerror", (error) => consoleErrors.push(String(error)));

/** Expands an operation, presses "Try it out", fills path parameters, executes; returns status and body. */
async function tryItOut(operationId, tag, parameters = {}) {
  const block = `#operations-${tag}-${operationId}`;
  await page.waitForSelector(`${block} .opblock-summary`);
  await page.click(`${block} .opblock-summary`);
  await page.waitForSelector(`${block} .try-out__btn`);
  // The service opens Swagger UI with "Try it out" on; the button then reads "Cancel".
  if ((await page.$(`${block} .try-out__btn.cancel`)) === null) {
    await page.click(`${block} .try-out__btn`);
  }
  for (const [name, value] of Object.entries(parameters)) {
    const input = `${block} tr[data-param-name="${name}"] input`;
    await page.waitForSelector(input);
    // Replace the example the contract fills in.
    await page.click(input, { clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.type(input, value);
  }
  await page.waitForSelector(`${block} button.execute`);
  await page.click(`${block} button.execute`);
  const status = `${block} .live-responses-table .response .response-col_status`;
  await page.waitForSelector(status, { timeout: 15000 });
  return {
    status: (await page.$eval(status, (cell) => cell.textContent)).trim(),
    body: await page.$eval(`${block} .live-responses-table .response-col_description pre`, (pre) => pre.textContent),
  };
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

try {
  await page.goto(`${base}/q/swagger-ui/`, { waitUntil: "networkidle0" });
  await page.waitForSelector(".swagger-ui .info .title");
  const title = await page.$eval(".swagger-ui .info .title", (element) => element.textContent);
  check(title.includes("Stadtlabore API"), `the page shows "${title}", not the Stadtlabore API`);

  // Authorize with the API key (the scheme named apiKey in the contract).
  await page.click(".swagger-ui .auth-wrapper .authorize");
  await page.waitForSelector(".modal-ux .auth-container");
  const containers = await page.$$(".modal-ux .auth-container");
  let authorized = false;
  for (const container of containers) {
    const heading = await container.$eval("h4", (h4) => h4.textContent);
    if (heading.includes("apiKey")) {
      await (await container.$("input")).type(apiKey);
      await (await container.$("button.authorize")).click();
      authorized = true;
      break;
    }
  }
  check(authorized, "the Authorize dialog has no apiKey scheme");
  await page.click(".modal-ux .btn-done");

  const me = await tryItOut("getMe", "Access");
  check(me.status === "200", `GET /me answered ${me.status}: ${me.body}`);
  check(JSON.parse(me.body).municipality === municipality, `GET /me shows ${me.body}, not ${municipality}`);

  const missing = await tryItOut("getLab", "Labs", { slug: "gibt-es-nicht" });
  check(missing.status === "404", `GET /labs/gibt-es-nicht answered ${missing.status}`);
  const problem = JSON.parse(missing.body);
  check(problem.status === 404 && problem.type && problem.title, `not a problem document: ${missing.body}`);

  check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(" | ")}`);
  console.log(`Swagger UI: page, Authorize (API key), GET /me 200 (${municipality}), 404 problem document: ok`);
} catch (error) {
  mkdirSync("target", { recursive: true });
  await page.screenshot({ path: "target/swagger-ui-failure.png" });
  console.error(`Swagger UI check failed: ${error.message} (screenshot: e2e/swagger-ui/target/swagger-ui-failure.png)`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
