"""A one-off generator: writes this plan folder from a plain-text copy of the Review of Children & Young People's
Plan 2006-2009 (June 2007; docs/sources.md, "The 2007 plan review") and three tables extracted from it by hand
(cypp2007_revised_priorities.csv, cypp2007_part3_targets.csv, laa_targets.csv; each row names its source line in the
text). Neither input is kept in the repository: the folder it wrote is. Run from the repository root:
    python3 src/Outturn.Application/Demo/plans/HBC-CYPP-2006-09/documents/make_folder.py REVIEW.txt EXTRACTS_FOLDER
"""
import csv,os,re,sys
if len(sys.argv)!=3: sys.exit('usage: make_folder.py REVIEW.txt EXTRACTS_FOLDER')
D=os.path.join(sys.argv[2],''); OUT='src/Outturn.Application/Demo/plans/HBC-CYPP-2006-09/'
seed=open(sys.argv[1],encoding='utf-8').read().split('\n')
rp=list(csv.DictReader(open(D+'cypp2007_revised_priorities.csv',encoding='utf-8')))
p3=list(csv.DictReader(open(D+'cypp2007_part3_targets.csv',encoding='utf-8')))
laa=list(csv.DictReader(open(D+'laa_targets.csv',encoding='utf-8')))
laa_codes={x['revised_priority_code'] for x in laa if x['revised_priority_code']}
outcomes=['Be Healthy','Stay Safe','Enjoy and Achieve','Make a Positive Contribution','Achieve Economic Wellbeing','Service Management']
def W(name,header,rows):
    with open(OUT+name,'w',newline='',encoding='utf-8') as f:
        w=csv.writer(f,lineterminator='\n'); w.writerow(header); [w.writerow(r) for r in rows]
W('plan.csv',['ref','title','kind','first_year','last_year','organisation','directorate','status','description'],
  [['HBC-CYPP-2006-09',"Children and Young People's Plan 2006-09",'cypp','2006/07','2008/09',"Halton Children and Young People's Alliance",'Children and Young People','approved',
    "Halton's Children and Young People's Plan 2006-09, with its review of June 2007 (Executive Board, 6 September 2007): the 2006-07 performance against each plan target and the revised priorities for 2007-09."]])
W('priorities.csv',['name'],[[o] for o in outcomes])
objs={}
for r in rp:
    objs.setdefault(r['priority_code'],(r['priority_title'],r['outcome']))
W('objectives.csv',['ref','title','priority','officer'],[[k,v[0],v[1],''] for k,v in objs.items()])
W('milestones.csv',['ref','objective','text','year','due','officer'],[])
seen=set(); ind=[]
for r in rp:
    code=r['target_code']
    if code in seen: code=code+'-'+str(sum(1 for s in seen if s.startswith(r['target_code'])))
    seen.add(code); r['_code']=code
    ind.append([code,r['target_text'],r['priority_code'],'none','',1,'annual','snapshot','','no','laa' if r['priority_code'] in laa_codes else 'local'])
W('indicators.csv',['ref','title','objective','polarity','unit','precision','frequency','value_type','tolerance','key','source'],ind)
W('targets.csv',['indicator','period','target','note'],[])
W('values.csv',['indicator','period','value','status','note'],[])
# Part 3 review rows
W('documents/plan_review.csv',['ref','outcome','plan_target','performance','status','plans','source_lines'],
  [[r['row_id'],r['outcome'],r['plan_target_text'],r['performance_2006_07_full_text'] or r['performance_2006_07_summary'],
    r['status_category_inferred'] if r['status_category_inferred'] in ('RED','AMBER','GREEN') else '',
    r['plans_2007_09_full_text'] or r['plans_2007_09_summary'],r['source_lines']] for r in p3])
# Part 4 blocks: labelled lines after each block's source line
labels=[('why','Why this is Important'),('data_means','What the Performance Data means'),('working_well','What is working well'),('what_will_be_done','What will be done')]
def mend(parts):
    # Undo the PDF's column flattening: a truncated copy followed by the whole is the whole; a letter repeated across a cut is one letter.
    out=''
    for p in parts:
        if out and p.strip().startswith(out.strip()): out=p; continue
        if out and p and out[-1]==p[0] and out[-1].isalpha(): out+=p[1:]
        else: out+=p
    return ' '.join(out.split())
def field(start,label):
    for i in range(start, min(start+14,len(seed))):
        l=seed[i]
        if i>start and l.startswith('Target:'): return ''
        if l.startswith(label):
            parts=[p for p in l.split('\t')[1:] if p.strip()]
            txt=mend(parts)
            if label=='What is working well' and i+1<len(seed) and seed[i+1].startswith('and why'):
                more=[p for p in seed[i+1].split('\t')[1:] if p.strip()]
                if more: txt=(txt+' '+mend(more)).strip()
            return txt
    return ''
rows=[]
for r in rp:
    s=int(r['source_line'])-1
    # the block for this target starts at its "Target:" line at or after the source line mentioning its code
    start=s
    for i in range(s, min(s+40,len(seed))):
        if seed[i].startswith('Target:') and r['target_code'] in seed[i].replace(' ',''):
            start=i; break
    f={k:field(start,lab) for k,lab in labels}
    rows.append([r['_code'],r['outcome'],r['priority_code'],r['priority_title'],r['target_text'],f['why'],r['performance_data'],f['data_means'],f['working_well'],f['what_will_be_done'],r['lead_organisation'],r['partners'],r['resources'],r['source_line']])
W('documents/revised_priorities.csv',['target','outcome','priority','priority_title','target_text','why_important','performance_data','data_means','working_well','what_will_be_done','lead_organisation','partners','resources','source_line'],rows)
print(len(ind),len(rows),sum(1 for r in rows if r[5]))
