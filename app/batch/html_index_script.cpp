#include "app/batch/html_index_script.h"

namespace nianbao::batch {

const char* const kIndexStyle = R"(
.nb-index .filters{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;margin:.5em 0}
.nb-index .filters label{white-space:nowrap}
.nb-index table.overview th{cursor:pointer;user-select:none;white-space:nowrap}
.nb-index table.overview th[aria-sort=ascending]::after{content:" ▲"}
.nb-index table.overview th[aria-sort=descending]::after{content:" ▼"}
.nb-index table.overview td.agency,.nb-index table.overview td.year,.nb-index table.overview td.format,
.nb-index table.overview td.status{white-space:nowrap}
.nb-index table.overview td.name{word-break:break-all;min-width:12em}
.nb-index table.overview td.cell{text-align:right}
.nb-index tr.file[hidden]{display:none}
)";

// Sorting compares the cell's data-sort when it has one (numbers, with files that have none
// last), else its text in the Chinese collation. Filters hide rows; the count says how many show.
const char* const kIndexScript = R"(
(function(){
var table=document.getElementById('overview');if(!table)return;
var body=table.tBodies[0];
function val(tr,i){var td=tr.cells[i];return td.hasAttribute('data-sort')?td.getAttribute('data-sort'):td.textContent.trim();}
var heads=table.tHead.rows[0].cells;
Array.prototype.forEach.call(heads,function(th,i){th.addEventListener('click',function(){
  var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
  Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
  th.setAttribute('aria-sort',dir);
  var num=th.dataset.type==='number',sign=dir==='ascending'?1:-1;
  var rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){
    var x=val(a,i),y=val(b,i);
    if(num){var p=x===''?null:Number(x),q=y===''?null:Number(y);
      if(p===null||q===null)return p===q?0:(p===null?1:-1);return sign*(p-q);}
    return sign*x.localeCompare(y,'zh-CN');});
  rows.forEach(function(r){body.appendChild(r);});
});});
var f={agency:document.getElementById('f-agency'),year:document.getElementById('f-year'),
  errors:document.getElementById('f-errors'),rule:document.getElementById('f-rule'),q:document.getElementById('f-search')};
var shown=document.getElementById('shown');
function apply(){
  var q=f.q.value.trim().toLowerCase(),n=0;
  Array.prototype.forEach.call(body.rows,function(tr){var d=tr.dataset,hide=
    (f.agency.value&&d.agency!==f.agency.value)||(f.year.value&&d.year!==f.year.value)||
    (f.errors.value==='errors'&&!(Number(d.errors)>0))||(f.errors.value==='clean'&&(d.status!=='ok'||Number(d.errors)>0))||
    (f.errors.value==='failed'&&d.status==='ok')||
    (f.rule.value&&(' '+d.rules+' ').indexOf(' '+f.rule.value+' ')<0)||
    (q&&tr.textContent.toLowerCase().indexOf(q)<0&&(tr.title||'').toLowerCase().indexOf(q)<0);
    tr.hidden=!!hide;if(!hide)n++;});
  shown.textContent=n;
}
['agency','year','errors','rule'].forEach(function(k){f[k].addEventListener('change',apply);});
f.q.addEventListener('input',apply);
apply();
})();
)";

}  // namespace nianbao::batch
