// Lists the query parameters the form sent, one "name=value" item each.
(function () {
  'use strict';
  const list = document.getElementById('fields');
  for (const [name, value] of new URLSearchParams(location.search)) {
    const item = document.createElement('li');
    item.textContent = name + '=' + value;
    list.append(item);
  }
})();
