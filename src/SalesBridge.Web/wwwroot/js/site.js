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
