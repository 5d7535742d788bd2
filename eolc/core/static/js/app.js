import { initAll } from "../vendor/nhsuk-frontend.min.js";

initAll();
// Components inside content swapped in by htmx need initialising too.
document.body.addEventListener("htmx:afterSettle", (event) => initAll({ scope: event.target }));
