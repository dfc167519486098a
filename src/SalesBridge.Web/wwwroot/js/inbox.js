// Copy-to-CRM checkboxes save as soon as they change; without scripts their Save button does it.
document.querySelectorAll("form[data-autosubmit]").forEach((form) => {
  form.querySelectorAll("button[type=submit]").forEach((button) => { button.hidden = true; });
  form.addEventListener("change", () => form.requestSubmit());
});
