<div class="row">
  <div class="col-12 col-lg-8">
    <h1>Avvisi per email</h1>
    <p>In Approdo vedi sempre tutti i tuoi avvisi, nella pagina iniziale. Qui scegli quali ricevere anche per email. Gli avvisi urgenti partono subito; gli altri arrivano insieme, in un riepilogo al giorno.</p>
    <p>Le email non contengono dati personali dei minori: solo il tipo di avviso, il numero del fascicolo, la data e il collegamento alla pagina di Approdo.</p>
    <?cs if:Avvisi.email ?>
    <p>Le email arrivano a <strong><?cs var:Avvisi.email ?></strong>. Per cambiare indirizzo rivolgiti all'amministratore.</p>
    <?cs else ?>
    <div class="alert alert-warning" role="alert">Non hai un indirizzo email in Approdo: gli avvisi restano solo nell'applicazione. Per riceverli anche per email chiedi all'amministratore di inserire il tuo indirizzo.</div>
    <?cs /if ?>
    <?cs if:Avvisi.tipi > 0 ?>
    <?cs call:form_errors() ?>
    <form method="post" action="/avvisi" novalidate>
      <?cs call:csrf() ?>
      <fieldset class="mb-4">
        <legend class="h4">Ricevi per email</legend>
        <?cs each:f = Fields ?><?cs call:field(f) ?><?cs /each ?>
      </fieldset>
      <button type="submit" class="btn btn-primary">Salva le scelte</button>
      <a href="/" class="btn btn-outline-secondary">Torna alla pagina iniziale</a>
    </form>
    <?cs else ?>
    <p>Per il tuo ruolo non ci sono avvisi da ricevere per email.</p>
    <p><a href="/">Torna alla pagina iniziale</a></p>
    <?cs /if ?>
  </div>
</div>
