// The wall screen's alert tone, made in the browser (no sound file to fetch).
window.nocWall = {
    beep() {
        const Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) return;
        const audio = new Context();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.2, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.6);
    },
};
