// Marks the page as having JavaScript before GOV.UK Frontend styles it (kept in a file: the CSP allows no inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
