<?cs include:"macros.cs" ?><!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.title ?> · Approdo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/bi/css/bootstrap-italia.min.css">
<link rel="stylesheet" href="/static/css/fonts.css">
<link rel="stylesheet" href="/static/css/approdo.css">
</head>
<body>
<div class="skiplinks"><a class="visually-hidden-focusable" href="#contenuto">Vai al contenuto</a></div>
<header class="it-header-wrapper">
  <div class="it-header-slim-wrapper">
    <div class="container">
      <div class="it-header-slim-wrapper-content">
        <span class="navbar-brand">Roma Capitale · UO Protezione Persone Minore Età</span>
        <?cs if:User.username ?>
        <div class="it-header-slim-right-zone approdo-utente">
          <span><span class="visually-hidden">Utente collegato: </span><strong><?cs var:User.nome ?></strong> · <?cs var:User.ruolo ?></span>
          <form method="post" action="/logout" class="d-inline approdo-esci">
            <?cs call:csrf() ?>
            <button type="submit" class="btn btn-sm btn-outline-light">Esci</button>
          </form>
        </div>
        <?cs /if ?>
      </div>
    </div>
  </div>
  <div class="it-nav-wrapper">
    <div class="it-header-center-wrapper">
      <div class="container">
        <div class="it-header-center-content-wrapper">
          <div class="it-brand-wrapper">
            <a href="/">
              <div class="it-brand-text">
                <div class="it-brand-title">Approdo</div>
                <div class="it-brand-tagline d-none d-md-block">Minori stranieri non accompagnati · Ufficio MSNA</div>
              </div>
            </a>
          </div>
        </div>
      </div>
    </div>
    <?cs if:subcount(Nav) > 0 ?>
    <div class="approdo-nav">
      <div class="container">
        <nav aria-label="Navigazione principale">
          <ul class="approdo-nav-list">
            <?cs each:item = Nav ?>
            <li><a href="<?cs var:item.href ?>"<?cs if:item.active ?> aria-current="page" class="active"<?cs /if ?>><?cs var:item.title ?><?cs if:item.conta ?> <span class="approdo-conta"><?cs if:item.conta > 99 ?>99+<?cs else ?><?cs var:item.conta ?><?cs /if ?><span class="visually-hidden"> <?cs var:item.conta_testo ?></span></span><?cs /if ?></a></li>
            <?cs /each ?>
          </ul>
        </nav>
      </div>
    </div>
    <?cs /if ?>
  </div>
</header>
<main id="contenuto" class="container my-4">
  <?cs if:Page.avviso ?>
  <?cs if:Page.avviso_errore ?><div class="alert alert-warning" role="alert"><?cs var:Page.avviso ?></div><?cs else ?><div class="alert alert-success" role="status"><?cs var:Page.avviso ?></div><?cs /if ?>
  <?cs /if ?>
  <?cs include:Page.template ?>
</main>
<footer class="it-footer">
  <div class="it-footer-small-prints clearfix">
    <div class="container">
      <p class="approdo-footer-text">Approdo · Roma Capitale, Dipartimento Politiche Sociali e Salute · Dati personali di minori: riservati, ogni accesso è registrato.</p>
    </div>
  </div>
</footer>
<script src="/static/js/approdo-init.js"></script>
<script src="/static/bi/js/bootstrap-italia.bundle.min.js"></script>
</body>
</html>
