// Paging typed into cqlsh and tscqlsh: ---MORE--- between pages, answered with Enter until the
// end or stopped with Ctrl-C; PAGING OFF printing everything at once; EXPAND with pages.
import { atMore, atPrompt, line, replGroup } from './harness.js';

const KS = 'rc_paging';

replGroup(
  'paging',
  {
    cols: 80,
    rows: 24,
    keyspace: KS,
    args: ['-k', KS],
    setup: [
      // one partition: the rows come in clustering order, the same for both shells
      `CREATE TABLE ${KS}.nums (p int, n int, sq int, word text, PRIMARY KEY (p, n));`,
      ...Array.from({ length: 230 }, (_, n) => `INSERT INTO ${KS}.nums (p, n, sq, word) VALUES (0, ${n}, ${n * n}, 'w${'x'.repeat(n % 9)}');`),
    ],
  },
  (g) => {
    g.it('PAGING with a page size: ---MORE--- answered with Enter to the end', async () => {
      await g.same(line('PAGING 7'));
      await g.same(line('SELECT n, sq FROM nums WHERE p = 0 AND n < 20;'), { until: atMore });
      await g.same('\r', { until: atMore });
      await g.same('\r', { until: atPrompt });
    });

    g.it('a page size of 100: two ---MORE--- answered', async () => {
      // (PAGING ON keeps the last page size, in both)
      await g.same(line('PAGING 100'));
      await g.same(line('SELECT n, word FROM nums;'), { until: atMore });
      await g.same('\r', { until: atMore });
      await g.same('\r', { until: atPrompt });
    });

    g.it('PAGING OFF prints every row without stopping; PAGING shows the state', async () => {
      await g.same(line('PAGING OFF'));
      await g.same(line('PAGING'));
      await g.same(line('SELECT n FROM nums;'));
      await g.same(line('PAGING ON'));
      await g.same(line('PAGING'));
    });

    g.it('Ctrl-C at ---MORE--- stops the result', async () => {
      await g.same(line('PAGING 10'));
      await g.same(line('SELECT n, word FROM nums;'), { until: atMore });
      await g.same('\x03', { until: atPrompt });
      await g.same(line('SELECT count(*) FROM nums;'));
    });

    g.it('EXPAND ON with pages', async () => {
      await g.same(line('PAGING 3'));
      await g.same(line('EXPAND ON'));
      await g.same(line('SELECT n, sq, word FROM nums WHERE p = 0 AND n < 5;'), { until: atMore });
      await g.same('\r', { until: atPrompt });
      await g.same(line('EXPAND OFF'));
      await g.same(line('PAGING ON'));
    });

    g.it('a page size that is not a number', async () => {
      await g.same(line('PAGING many'));
      await g.same(line('PAGING 0'));
      await g.same(line('PAGING ON'));
    });
  },
);
