// Relative times ("5 minutes ago", <time data-age>) stay current in the browser. The server writes
// a card's markup once and leaves it alone while the card does not change: were it to write every
// card again when the minute turns, every open board would replace all its cards' markup at the
// same moment, on top of whatever change came next. The wording is UserClock.Relative's.
window.nocAges = (() => {
    // The server's clock, not this screen's: a wall PC whose clock is off still says the right age.
    const served = Number(document.querySelector('meta[name=noc-server-time]')?.content);
    const skew = Number.isFinite(served) && served > 0 ? served - Date.now() : 0;

    const plural = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;

    function relative(when, now) {
        const delta = now - when;
        const minutes = Math.abs(delta) / 60_000, hours = minutes / 60, days = hours / 24;
        if (minutes < 1) return 'just now';
        const amount = minutes < 60 ? plural(Math.floor(minutes), 'minute')
            : hours < 24 ? plural(Math.floor(hours), 'hour')
            : days < 60 ? plural(Math.floor(days), 'day')
            : plural(Math.floor(days / 30), 'month');
        return delta < 0 ? `in ${amount}` : `${amount} ago`;
    }

    // Only texts that changed are written: a board of 200 cards changes a few each time.
    function refresh(now = Date.now() + skew) {
        for (const time of document.querySelectorAll('time[data-age]')) {
            const when = Date.parse(time.dateTime);
            if (Number.isNaN(when)) continue;
            const text = relative(when, now);
            if (time.textContent !== text) time.textContent = text;
        }
    }

    setInterval(refresh, 10_000);
    return { relative, refresh };
})();
