// Copies the design system and htmx from node_modules into eolc/static/vendor.
// The NHS.UK frontend ships compiled CSS and JS, so no Sass toolchain is needed.
import { cpSync, mkdirSync, readFileSync } from "node:fs";

const out = "eolc/static/vendor";
const nhsuk = "node_modules/nhsuk-frontend/dist/nhsuk";
const { version } = JSON.parse(readFileSync("node_modules/nhsuk-frontend/package.json", "utf8"));

mkdirSync(out, { recursive: true });
cpSync(`${nhsuk}/nhsuk-frontend-${version}.min.css`, `${out}/nhsuk-frontend.min.css`);
cpSync(`${nhsuk}/nhsuk-frontend-${version}.min.js`, `${out}/nhsuk-frontend.min.js`);
cpSync(`${nhsuk}/assets/images`, `${out}/images`, { recursive: true });
cpSync("node_modules/htmx.org/dist/htmx.min.js", `${out}/htmx.min.js`);
cpSync("node_modules/axe-core/axe.min.js", "var/axe.min.js");
console.log(`Built front-end assets (nhsuk-frontend ${version}) into ${out}`);
