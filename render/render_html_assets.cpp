// The stylesheet and script of the HTML report, inline so that the file opens without network.
#include "render/render_html.h"

namespace nianbao {

const std::string& html_style() {
  static const std::string css = R"CSS(
.nb-report{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222;max-width:1200px;margin:0 auto;padding:8px 16px}
.nb-report h2{font-size:1.3em;margin:.4em 0}.nb-report h3{font-size:1.1em;border-bottom:1px solid #ccc;padding-bottom:2px}
.nb-report .meta,.nb-report .where{color:#666;font-size:.85em}
.nb-report .summary b.error{color:#b00}.nb-report .summary b.warning{color:#a60}.nb-report .summary b.info{color:#06a}
.nb-report .filter label{margin-right:1em;cursor:pointer}
.nb-report ol.findings{padding-left:1.6em}.nb-report li.finding{margin:.25em 0;padding:2px 4px;cursor:pointer;border-left:4px solid transparent}
.nb-report li.finding.sev-error{border-left-color:#c00}.nb-report li.finding.sev-warning{border-left-color:#e90}.nb-report li.finding.sev-info{border-left-color:#39c}
.nb-report li.finding.selected{background:#fff3c4}
.nb-report .sev{font-weight:bold;margin-right:.3em}.nb-report .sev.error{color:#b00}.nb-report .sev.warning{color:#a60}.nb-report .sev.info{color:#06a}
.nb-report li.finding.filtered,.nb-report .part-group.filtered{display:none}
.nb-report .filter .fname{color:#666;font-size:.85em;margin-right:.4em}.nb-report .filter .fname:not(:first-child){margin-left:1em}
.nb-report li.finding.reading{color:#456}.nb-report .summary b.unread{color:#456}
.nb-report code{background:#f3f3f3;padding:0 3px;font-size:.85em}
.nb-report .scroll{overflow-x:auto}
.nb-report table.official{border-collapse:collapse;font-size:.85em;margin:.5em 0}
.nb-report table.official th,.nb-report table.official td{border:1px solid #888;padding:3px 6px}
.nb-report table.official th{background:#f4f4f4;font-weight:normal}.nb-report table.official th.rowname{text-align:left;max-width:24em}
.nb-report td.cell{text-align:right;min-width:2.5em}.nb-report td.absent{background:repeating-linear-gradient(45deg,#eee,#eee 4px,#fff 4px,#fff 8px)}
.nb-report td.odd{color:#a60;font-style:italic}
.nb-report td.bad{background:#ffd6d6;outline:2px solid #d00;cursor:pointer}.nb-report td.bad.sev-warning{background:#ffeccc;outline-color:#e90}.nb-report td.bad.sev-info{background:#dff0ff;outline-color:#39c}
.nb-report td.related{background:#fff3c4}.nb-report td.focus{outline:3px solid #000}
.nb-report #nb-detail{position:sticky;top:0;background:#fffbe6;border:1px solid #e6c200;padding:6px 10px;display:none;z-index:2}
.nb-report figure.page{margin:1em 0}.nb-report .pagebox{position:relative;display:inline-block;border:1px solid #aaa;max-width:100%}
.nb-report .pagebox img{display:block;max-width:100%;height:auto}
.nb-report .mark{position:absolute;border:2px solid #d00;background:rgba(255,0,0,.08);cursor:pointer}
.nb-report .mark.line{border-color:#e90;background:rgba(255,160,0,.08)}.nb-report .mark.focus{border-width:4px;box-shadow:0 0 0 3px rgba(255,220,0,.8)}
.nb-report ul.verified li{color:#264}.nb-report .error-box{color:#b00;font-weight:bold}
)CSS";
  return css;
}

// Delegated handlers on the document, so that a report inserted later (the self-check page)
// behaves the same as a saved file.
const std::string& html_script() {
  static const std::string js = R"JS(
(function(){
function root(el){return el.closest('.nb-report');}
function clear(r){r.querySelectorAll('.selected,.related,.focus').forEach(function(e){e.classList.remove('selected','related','focus');});}
function select(r,i,scrollTo){
  clear(r);
  var li=r.querySelector('li.finding[data-index="'+i+'"]');if(!li)return;
  li.classList.add('selected');
  var cells=(li.dataset.cells||'').split(' ').filter(Boolean);
  cells.forEach(function(id,k){var c=r.querySelector('#'+id);if(c){c.classList.add(k===0?'focus':'related');}});
  r.querySelectorAll('.mark').forEach(function(m){if((' '+m.dataset.findings+' ').indexOf(' '+i+' ')>=0)m.classList.add('focus');});
  var d=r.querySelector('#nb-detail');
  if(d){d.textContent=li.dataset.rule+': '+li.querySelector('.msg').textContent;d.style.display='block';}
  if(scrollTo){var t=cells.length?r.querySelector('#'+cells[0]):null;if(!t)t=r.querySelector('.mark.focus');if(t)t.scrollIntoView({block:'center'});}
}
document.addEventListener('click',function(ev){
  var t=ev.target;if(!(t instanceof Element))return;var r=root(t);if(!r)return;
  if(t.closest('a'))return;
  var li=t.closest('li.finding');if(li){select(r,li.dataset.index,true);return;}
  var c=t.closest('td.bad,.mark');
  if(c){var i=(c.dataset.findings||'').split(' ')[0];select(r,i,false);var l=r.querySelector('li.finding[data-index="'+i+'"]');if(l&&c.classList.contains('mark'))l.scrollIntoView({block:'center'});}
});
// A finding is shown when its severity and its part are ticked and it is of the rule chosen
// (or all rules); a part with nothing shown is hidden with its heading.
function applyFilter(r){
  var off=function(attr){var s={};r.querySelectorAll('.filter input['+attr+']').forEach(function(i){if(!i.checked)s[i.getAttribute(attr)]=1;});return s;};
  var sev=off('data-sev'),part=off('data-part');
  var sel=r.querySelector('.filter select[data-rule-filter]'),rule=sel?sel.value:'';
  r.querySelectorAll('li.finding').forEach(function(li){
    var hide=sev[li.dataset.sev]||part[li.dataset.part]||(rule&&li.dataset.rule!==rule);
    li.classList.toggle('filtered',!!hide);
  });
  r.querySelectorAll('.part-group').forEach(function(g){g.classList.toggle('filtered',!g.querySelector('li.finding:not(.filtered)'));});
}
document.addEventListener('change',function(ev){
  var t=ev.target;if(!(t instanceof Element)||!t.closest('.filter'))return;var r=root(t);
  if(r)applyFilter(r);
});
})();
)JS";
  return js;
}

}  // namespace nianbao
