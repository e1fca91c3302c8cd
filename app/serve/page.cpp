#include "app/serve/page.h"

#include "render/render_html.h"

namespace nianbao {

std::string too_large_message(size_t max_bytes) {
  std::string mb = std::to_string(max_bytes / (1u << 20));
  return "文件太大：上传的文件不能超过 " + mb + " MB。请压缩或拆分后再试。 (File too large: uploads are limited to " +
         mb + " MB.)";
}

std::string upload_page(Lang lang, size_t max_bytes) {
  bool zh = lang == Lang::Zh;
  std::string title = zh ? "年报自查" : "Annual report self-check";
  std::string intro = zh ? "把政府信息公开工作年度报告（PDF、DOCX、DOC、HTML、TXT）拖到下面，或点击选择文件。文件只在本机检查，检查完即删除。"
                         : "Drop an open-government-information annual report (PDF, DOCX, DOC, HTML, TXT) below, "
                           "or click to pick a file. It is checked on this machine and deleted afterwards.";
  std::string drop = zh ? "拖放文件到这里，或点击选择" : "Drop a file here, or click to choose";
  std::string busy = zh ? "正在检查……" : "Checking…";
  std::string failed = zh ? "检查失败：" : "Check failed: ";
  std::string other = zh ? "<a href=\"/?lang=en\">English</a>" : "<a href=\"/\">中文</a>";
  std::string l = zh ? "zh" : "en";
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(zh ? "zh-CN" : "en") +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>" + title +
         "</title><style>" + html_style() +
         "body{margin:0;font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif}"
         ".top{max-width:1200px;margin:0 auto;padding:8px 16px}.lang{float:right}"
         "#drop{display:block;margin:16px 0;border:3px dashed #999;border-radius:8px;padding:32px;text-align:center;cursor:pointer;color:#555}"
         "#drop.over{border-color:#06c;background:#eef6ff}#status{margin:8px 0;font-weight:bold}"
         "#status.error{color:#b00}</style></head><body><div class=\"top\"><span class=\"lang\">" + other +
         "</span><h1>" + title + "</h1><p>" + intro +
         "</p><label id=\"drop\" for=\"file\">" + drop +
         "<input type=\"file\" id=\"file\" name=\"file\" hidden accept=\".pdf,.docx,.doc,.wps,.html,.htm,.txt,.md\">"
         "</label><div id=\"status\" role=\"status\"></div></div><div id=\"result\"></div><script>" + html_script() +
         "(function(){var max=" + std::to_string(max_bytes) + ",lang='" + l + "',tooLarge=" +
         "'" + too_large_message(max_bytes) + "';"
         "var drop=document.getElementById('drop'),input=document.getElementById('file'),"
         "status=document.getElementById('status'),result=document.getElementById('result');"
         "function show(msg,err){status.textContent=msg;status.className=err?'error':'';}"
         "function send(f){if(!f)return;result.innerHTML='';"
         "if(f.size>max){show(tooLarge,true);return;}"
         "show('" + busy + "',false);var fd=new FormData();fd.append('file',f,f.name);"
         "fetch('/check?lang='+lang,{method:'POST',body:fd}).then(function(r){return r.text().then(function(t){"
         "if(!r.ok){show('" + failed + "'+t,true);return;}show('',false);result.innerHTML=t;"
         "document.body.dataset.done='1';});}).catch(function(e){show('" + failed + "'+e,true);});}"
         "input.addEventListener('change',function(){send(input.files[0]);input.value='';});"
         "['dragenter','dragover'].forEach(function(n){drop.addEventListener(n,function(e){e.preventDefault();drop.classList.add('over');});});"
         "['dragleave','drop'].forEach(function(n){drop.addEventListener(n,function(e){e.preventDefault();drop.classList.remove('over');});});"
         "drop.addEventListener('drop',function(e){send(e.dataTransfer.files[0]);});})();</script></body></html>\n";
}

}  // namespace nianbao
