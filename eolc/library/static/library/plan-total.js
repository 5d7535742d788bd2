// Shows the running total of section minutes against the session length as a trainer types.
// The server checks the total too; this only saves a round trip.
document.addEventListener("DOMContentLoaded", () => {
  const output = document.getElementById("plan-total");
  const length = document.getElementById("id_minutes");
  if (!output || !length) return;
  const update = () => {
    let total = 0;
    document.querySelectorAll(".library-minutes").forEach((input) => {
      const value = parseInt(input.value, 10);
      if (!Number.isNaN(value)) total += value;
    });
    const wanted = parseInt(length.value, 10) || 0;
    const gap = wanted - total;
    output.hidden = false;
    output.textContent = gap === 0
      ? `Sections add up to ${total} minutes: the session is filled exactly.`
      : `Sections add up to ${total} of ${wanted} minutes (${gap > 0 ? `${gap} to add` : `${-gap} too many`}).`;
  };
  document.addEventListener("input", (event) => {
    if (event.target === length || event.target.classList.contains("library-minutes")) update();
  });
  update();
});
