// The drawing pad: pointer strokes (mouse, finger, pen), undo, clear, and live prediction. In number
// mode the pad is wide and the whole number is read, with a box drawn around each digit.
import { predict, setStatus, clearPanels } from './results.js';
import { readNumber, clearReading, initialMode, showMode } from './reading.js';

const DIGIT = { width: 280, height: 280, stroke: 20 }; // CSS pixels; strokes a tenth of a digit, like MNIST
const NUMBER = { maxWidth: 800, height: 280, stroke: 14 }; // 800x280 on a desktop, narrower on a phone
const LIVE_DELAY_MS = 350;
const TEXT = {
  digit: { title: 'Draw a digit', idle: 'Draw a digit, then press Predict.', empty: 'The canvas is empty: draw a digit first.' },
  number: { title: 'Write a number', idle: 'Write a number on one line, then press Read.', empty: 'The canvas is empty: write a number first.' },
};

const pad = document.getElementById('pad');
const boxes = document.getElementById('boxes');
const ctx = pad.getContext('2d');
const live = document.getElementById('live');
const model = document.getElementById('model');
const predictButton = document.getElementById('predict');
const strokes = [];
let mode = initialMode();
let size = DIGIT;
let current = null;
let timer = null;

// The pad's size in CSS pixels; its backing store is scaled by devicePixelRatio to stay crisp.
function setUp() {
  const previous = size;
  if (mode === 'number') {
    const room = pad.parentElement.parentElement.clientWidth;
    const width = Math.max(240, Math.min(NUMBER.maxWidth, room));
    size = { width, height: Math.round(Math.min(NUMBER.height, Math.max(160, width * 0.35))), stroke: NUMBER.stroke };
  } else {
    size = DIGIT;
  }
  if (previous !== size && previous.width) {
    const sx = size.width / previous.width, sy = size.height / previous.height;
    strokes.forEach(s => s.forEach(p => { p.x *= sx; p.y *= sy; }));
  }
  const ratio = window.devicePixelRatio || 1;
  for (const c of [pad, boxes]) {
    c.width = Math.round(size.width * ratio);
    c.height = Math.round(size.height * ratio);
    c.style.width = `${size.width}px`;
    c.style.height = `${size.height}px`;
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  redraw();
}

function redraw() {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
  ctx.lineWidth = size.stroke;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  strokes.forEach(draw);
}

function draw(points) {
  if (points.length === 1) {
    ctx.beginPath();
    ctx.arc(points[0].x, points[0].y, size.stroke / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.beginPath();
  ctx.moveTo(points[0].x, points[0].y);
  points.slice(1).forEach(p => ctx.lineTo(p.x, p.y));
  ctx.stroke();
}

function point(e) {
  const r = pad.getBoundingClientRect();
  return { x: (e.clientX - r.left) * size.width / r.width, y: (e.clientY - r.top) * size.height / r.height };
}

pad.addEventListener('pointerdown', e => {
  e.preventDefault();
  pad.setPointerCapture(e.pointerId);
  current = [point(e)];
  strokes.push(current);
  clearTimeout(timer);
  redraw();
});
pad.addEventListener('pointermove', e => {
  if (!current) return;
  const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
  events.forEach(ev => current.push(point(ev)));
  redraw();
});
['pointerup', 'pointercancel'].forEach(type => pad.addEventListener(type, () => {
  if (!current) return;
  current = null;
  if (live.checked) {
    clearTimeout(timer);
    timer = setTimeout(run, LIVE_DELAY_MS);
  }
}));

function run() {
  if (strokes.length === 0) {
    setStatus(TEXT[mode].empty);
    clearAnswers();
    return;
  }
  const picture = pad.toDataURL('image/png');
  if (mode === 'number') {
    // The picture is the backing store, so its pixels are the overlay's pixels: scale 1.
    readNumber(picture, model.value, boxes, 1);
  } else {
    predict(picture, model.value);
  }
}

function clearAnswers() {
  clearPanels();
  clearReading(boxes);
}

function undo() {
  strokes.pop();
  redraw();
  if (strokes.length === 0) {
    clearAnswers();
    setStatus(TEXT[mode].idle);
  } else if (live.checked) {
    run();
  }
}

function clear() {
  strokes.length = 0;
  clearTimeout(timer);
  redraw();
  clearAnswers();
  setStatus(TEXT[mode].idle);
}

// One digit or a whole number: the pad's shape, the texts, and the models on offer follow the mode.
function switchTo(next) {
  mode = next;
  showMode(mode, TEXT[mode].title, predictButton, model);
  document.title = `${TEXT[mode].title} · Digit Identifier`;
  strokes.length = 0;
  setUp();
  clearAnswers();
  setStatus(TEXT[mode].idle);
}

predictButton.addEventListener('click', run);
document.getElementById('undo').addEventListener('click', undo);
document.getElementById('clear').addEventListener('click', clear);
document.querySelectorAll('input[name="mode"]').forEach(r => r.addEventListener('change', () => switchTo(r.value)));
model.addEventListener('change', () => { if (strokes.length > 0) run(); });
pad.addEventListener('keydown', e => {
  if (e.key === 'Enter') run();
  else if (e.key === 'Backspace') { e.preventDefault(); undo(); }
  else if (e.key === 'Escape') clear();
});
window.addEventListener('resize', () => { setUp(); clearReading(boxes); });
switchTo(mode);
