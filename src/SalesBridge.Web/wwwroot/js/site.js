// Small progressive enhancements; every page works without them.
document.addEventListener("click", (event) => {
  // Close an open menu when clicking elsewhere.
  document.querySelectorAll("details.menu[open]").forEach((menu) => {
    if (!menu.contains(event.target)) menu.removeAttribute("open");
  });
});
document.addEventListener("submit", (event) => {
  // Forms that remove something ask first: <form data-confirm="Remove this lead?">
  const message = event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) event.preventDefault();
});
// Parts of a form that belong to one choice of a radio group: <div data-shown-when="Input.Credential=Secret">.
// Hidden while another choice is checked; without JavaScript every part shows and the server ignores the others.
function showChosenParts() {
  document.querySelectorAll("[data-shown-when]").forEach((part) => {
    const [name, value] = part.getAttribute("data-shown-when").split("=");
    const checked = document.querySelector(`input[type=radio][name="${CSS.escape(name)}"]:checked`);
    part.hidden = checked !== null && checked.value !== value;
  });
}
document.addEventListener("change", (event) => {
  if (event.target.matches("input[type=radio]")) showChosenParts();
});
document.addEventListener("DOMContentLoaded", showChosenParts);
// A header checkbox that checks or clears every box of a list: <input type="checkbox" data-check-all="FieldName" hidden>.
// It stays hidden without script; then the boxes are checked one by one.
document.querySelectorAll("input[data-check-all]").forEach((all) => {
  const boxes = () => Array.from(all.form?.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`)
    ?? document.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`));
  const sync = () => {
    const checked = boxes().filter((box) => box.checked).length;
    all.checked = checked > 0 && checked === boxes().length;
    all.indeterminate = checked > 0 && checked < boxes().length;
  };
  all.hidden = false;
  all.addEventListener("change", () => boxes().forEach((box) => { box.checked = all.checked; }));
  boxes().forEach((box) => box.addEventListener("change", sync));
  sync();
});
