// The page shell (every page, loaded by the layout). The 打印 buttons need a script for window.print(), and the
// Content-Security-Policy allows scripts from files only; without scripts the buttons stay hidden and the browser's
// own print uses the same print styles. At printing, the header's print time is set to the moment of printing.
(function () {
  'use strict';

  function chinaTime(date) {
    // China Standard Time is UTC+8 all year; shown as yyyy-MM-dd HH:mm:ss like the server (Platform/Ui/Display.cs).
    return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
  }

  function stampPrintTime() {
    document.querySelectorAll('[data-print-time]').forEach(function (stamp) {
      stamp.textContent = chinaTime(new Date());
    });
  }

  function start() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        stampPrintTime();
        window.print();
      });
    });
    window.addEventListener('beforeprint', stampPrintTime);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
