// Staff preview only: reload when the CMS admin says the draft was saved ("strapiUpdate").
(() => {
  const adminOrigin = document.currentScript && document.currentScript.dataset.adminOrigin;
  window.addEventListener('message', (event) => {
    if (event.origin === adminOrigin && event.data && event.data.type === 'strapiUpdate') window.location.reload();
  });
})();
