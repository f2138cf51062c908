// The upload page: choose, drop or paste a picture, preview it, and predict.
import { predict, setStatus, clearPanels } from './results.js';

const input = document.getElementById('picture');
const drop = document.getElementById('drop');
const preview = document.getElementById('preview');
const model = document.getElementById('model');
let file = null;

function choose(f) {
  if (!f) return;
  file = f;
  clearPanels();
  if (preview.src) URL.revokeObjectURL(preview.src);
  if (f.type.startsWith('image/')) {
    preview.src = URL.createObjectURL(f);
    preview.hidden = false;
  } else {
    preview.hidden = true;
  }
  setStatus(`${f.name || 'Pasted image'} (${Math.ceil(f.size / 1024)} KiB) ready: press Predict.`);
}

input.addEventListener('change', () => choose(input.files[0]));
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => {
  e.preventDefault();
  drop.classList.remove('over');
  choose(e.dataTransfer.files[0]);
});
drop.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
document.addEventListener('paste', e => {
  const item = [...e.clipboardData.items].find(i => i.kind === 'file');
  if (item) choose(item.getAsFile());
});
document.getElementById('btn').addEventListener('click', () => {
  if (!file) {
    setStatus('Choose a picture first.', true);
    return;
  }
  predict(file, model.value);
});
