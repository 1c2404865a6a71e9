// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        // Blazor gave up its own retries. A wall screen nobody touches must not stay frozen:
        // keep trying every few seconds until the server answers, then resume or reload.
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        keepRetrying();
    } else if (event.detail.state === "rejected") {
        reloadWhenServerAnswers();
    }
}

// The circuit is gone (the server restarted): load the page afresh, but only once the server
// answers it. Reloading into an error page would leave a screen without this script, frozen for good.
let reloading = false;

async function reloadWhenServerAnswers() {
    if (reloading) return;
    reloading = true;
    for (;;) {
        try {
            const response = await fetch(location.href, { cache: "no-store", credentials: "same-origin", redirect: "manual" });
            if (response.ok || response.type === "opaqueredirect") {
                location.reload();
                return;
            }
        } catch {
            // not reachable yet
        }
        await new Promise(resolve => setTimeout(resolve, 3000));
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                reloadWhenServerAnswers();
            } else {
                reconnectModal.close();
            }
        }
        return true;
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
    return false;
}

let retryTimer = null;

function keepRetrying() {
    if (retryTimer !== null) return;
    retryTimer = setInterval(async () => {
        if (await retry()) {
            clearInterval(retryTimer);
            retryTimer = null;
        }
    }, 5000);
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            reloadWhenServerAnswers();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
