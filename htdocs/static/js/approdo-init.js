// Loaded before Bootstrap Italia's bundle: its bundled video.js would
// otherwise insert an inline <style>, which our CSP forbids. No page
// plays video.
window.VIDEOJS_NO_DYNAMIC_STYLE = true;
