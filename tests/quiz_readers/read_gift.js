// Parses a GIFT file with gift-pegjs (a third-party GIFT reader) and prints each question as JSON.
const gift = require('gift-pegjs');
const fs = require('fs');

const questions = gift.parse(fs.readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify(questions.map((q) => ({
  type: q.type,
  title: q.title,
  stem: q.stem ? q.stem.text : null,
  number: q.type === 'Numerical' ? q.choices.number : null,
  tolerance: q.type === 'Numerical' ? q.choices.range : null,
  text: q.type === 'Short' ? q.choices.filter((c) => c.isCorrect).map((c) => c.text.text) : null,
}))));
