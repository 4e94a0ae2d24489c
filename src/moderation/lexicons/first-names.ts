/**
 * Common first names in the UK (ONS birth registrations across generations, plus frequent South
 * Asian, Polish, Irish, West African and Arabic names). A name from this list followed by a
 * capitalised surname is treated as a person's full name.
 */
const NAMES = `
aaron abdul abigail abdullah adam adrian agnieszka ahmed aidan aileen aisha alan alana alex
alexander alexandra alfie ali alice alison amanda amber amelia amir amy andrea andrew andy angela
anita ann anna anne annie anthony archie arjun arthur ashley asif aurora ava ayesha barbara barry
beatrice ben benjamin bernard beth bethany beverley billy brandon brenda brian bridget callum
cameron carl carla carol caroline catherine charles charlie charlotte chelsea chloe chris
christine christopher claire clare colin connor craig daisy dale damian daniel danielle darren
david dawn dean debbie deborah declan dennis derek diane dominic donna dorothy douglas duncan
dylan edward eileen elaine eleanor elijah elizabeth ella ellie emily emma eric erin ethan eve
evelyn faisal farah fatima fiona florence francesca freddie freya gail gareth gary gavin gemma
george georgia gerald gillian glenn gordon graham gregory hamza hannah harish harriet harry harvey
hassan hayley heather helen henry holly hugh ian imran irene isaac isabel isabella isla ivan
jack jacob jade jake james jamie jan jane janet jasmine jason jayden jean jeff jennifer jenny
jeremy jessica joan joanne joe joel john jonathan jordan joseph josephine joshua joyce judith
julia julie justin kamal karen karl kate katherine kathleen katie kayleigh keith kelly kenneth
kerry kevin kieran kim kirsty krzysztof kyle laura lauren lee leah leo leon lewis liam lily linda
lindsay lisa logan lorraine louis louise lucy luke lynn lynne magdalena maisie malcolm marcus
margaret maria marie marek marion martin mary mason matthew maureen megan melanie michael michelle
mohammed mohammad muhammad nadia naomi natalie nathan neil niamh nicholas nicola nigel noah
noel nora oliver olivia oscar owen pamela patricia patrick paul paula pauline peter philip
phoebe piotr poppy priya rachel rahul raj rajesh ravi rebecca richard ricky rita robert robin
rosie ross ruby russell ruth ryan sadia sally samantha samuel sandra sanjay sara sarah scott
sean shahid shane shannon sharon shaun sheila shirley siobhan simon sinead sophia sophie stacey stanley
stella stephanie stephen steven stuart sunita susan suzanne tanya teresa terry thomas tim
timothy tina toby tom tomasz tommy tony tracey tracy trevor tyler valerie vanessa vicky victoria
vincent wayne wendy william yasmin yusuf zainab zara zoe
abena adaeze adebayo adeola adwoa afua agata akua alina aleksander amara amina amit anand aneta
anil anjali ankit arif asha ayodele babajide bartosz blessing bogdan callum cerys chidi chinedu
chioma chukwuemeka ciara ciaran cristina dafydd damilola deepa delroy dorota dwayne efua ehsan
elif emeka eoin esther ewa fergus fiyinfoluwa folake funmilayo gethin grazyna gwen gwyneth hamish
hina huw ibrahim idris ifeoma iwona jakub janusz javed kacper kamil kasia katarzyna kwabena kwame
kofi leroy lukasz maciej malgorzata marcin mariam mateusz mehmet mei mihai moira morag mustafa
nasreen ngozi nkechi nuala oisin olamide olufemi oluwaseun omar oona orla osagie parveen pawel
precious rahim rashid rhian rhys ruairi rukhsana sabina saima salma seren shabana shona sikandar
somchai sunil tadhg tariq tendai themba tomas tunde ugo usman wei wojciech xin yaw yiannis ying
yousef zaid zofia zuzanna zainab
albert agnes audrey beryl betty clifford cyril doreen doris edna elsie ernest ethel gladys harold herbert
leanne jodie lindsey hilda leonard marjorie mavis muriel norman phyllis raymond ronald sidney vera walter wilfred
winifred percy
`
/** First names that are also ordinary words; they count only after a cue such as "my neighbour". */
const AMBIGUOUS = `
april august bill chase dawn drew faith frank grace guy hope jay joy june mark max may pat ray
rob rose sue summer will blessing precious
`

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean))
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(
  AMBIGUOUS.split(/\s+/).filter(Boolean),
)
