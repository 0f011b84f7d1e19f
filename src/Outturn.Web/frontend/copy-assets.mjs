import { cpSync } from "node:fs";
cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "../wwwroot/js/govuk-frontend.min.js");
cpSync("node_modules/govuk-frontend/dist/govuk/assets/images", "../wwwroot/assets/images", { recursive: true });
