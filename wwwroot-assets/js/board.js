// The board's cards are plain markup: instead of handlers on every card, a click on a card's
// button (data-card-action) and a drop on a column (data-zone) become one event each, handled
// by the column (BoardCards: oncardaction, oncarddrop).
(() => {
    let dragged = 0;
    const ticketOf = el => Number(el?.closest('[data-ticket]')?.dataset.ticket ?? 0);
    const zoneOf = e => e.target instanceof Element ? e.target.closest('[data-zone]') : null;

    Blazor.registerCustomEventType('cardaction', {
        browserEventName: 'click',
        createEventArgs: e => {
            const button = e.target instanceof Element ? e.target.closest('[data-card-action]') : null;
            if (!button) return { ticket: 0, action: '' };
            e.preventDefault(); // the number is a link to the ticket page; on the board it opens beside it
            return { ticket: ticketOf(button), action: button.dataset.cardAction };
        },
    });

    Blazor.registerCustomEventType('carddrop', {
        browserEventName: 'drop',
        createEventArgs: e => {
            e.preventDefault();
            const zone = zoneOf(e);
            zone?.classList.remove('noc-drop-over');
            const ticket = Number(e.dataTransfer?.getData('text/plain')) || dragged;
            dragged = 0;
            return { ticket, zone: zone?.dataset.zone ?? '' };
        },
    });

    document.addEventListener('dragstart', e => {
        const card = e.target instanceof Element ? e.target.closest('[data-ticket][draggable=true]') : null;
        if (!card) return;
        dragged = ticketOf(card);
        e.dataTransfer.setData('text/plain', String(dragged));
        e.dataTransfer.effectAllowed = 'move';
    });
    document.addEventListener('dragend', () => { dragged = 0; });

    // A column accepts a drop only when the drag over it is told so.
    document.addEventListener('dragover', e => {
        const zone = zoneOf(e);
        if (!zone || !dragged) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        zone.classList.add('noc-drop-over');
    });
    document.addEventListener('dragleave', e => {
        const zone = zoneOf(e);
        if (zone && !(e.relatedTarget instanceof Node && zone.contains(e.relatedTarget))) zone.classList.remove('noc-drop-over');
    });
})();
