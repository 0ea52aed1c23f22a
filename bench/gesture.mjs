// The bench's gestures, shared by run.mjs and frameparts.mjs.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// 10 wheel notches at (x, y), one every 50 ms: in for dir -1, out for 1.
export async function wheel(page, x, y, dir) {
  await page.mouse.move(x, y);
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, dir * 100); await sleep(50); }
}

// 450 px to the left in 30 steps of 15 px, a step every 16 ms, from 70 %
// across the area.
export async function drag(page, box) {
  const dx = box.x + box.width * 0.7;
  const dy = box.y + Math.min(box.height / 2, 160);
  await page.mouse.move(dx, dy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) { await page.mouse.move(dx - i * 15, dy); await sleep(16); }
  await page.mouse.up();
}
